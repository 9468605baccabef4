/** A chart scene as React SVG elements; colours come from the palette (tokens in the pane). */
import type { CSSProperties } from "react";
import { paintColour, TOKEN_PALETTE, type ChartPalette, type Paint } from "./chartPalette";
import type { Scene, Shape } from "./chartScene";

function strokeStyle(stroke: Paint, width: number, dash: string | undefined, palette: ChartPalette): CSSProperties {
  return {
    stroke: paintColour(stroke, palette),
    strokeWidth: stroke === "none" ? undefined : width,
    strokeDasharray: dash,
  };
}

function ShapeElement(props: { shape: Shape; palette: ChartPalette }) {
  const { shape, palette } = props;
  const c = (p: Paint) => paintColour(p, palette);
  switch (shape.kind) {
    case "line":
      return (
        <line
          x1={shape.x1}
          y1={shape.y1}
          x2={shape.x2}
          y2={shape.y2}
          style={strokeStyle(shape.stroke, shape.width, shape.dash, palette)}
        />
      );
    case "path":
      return (
        <path
          d={shape.d}
          strokeLinejoin="round"
          strokeLinecap="round"
          style={{ fill: c(shape.fill), ...strokeStyle(shape.stroke, shape.width, shape.dash, palette) }}
        />
      );
    case "rect":
      return (
        <rect
          x={shape.x}
          y={shape.y}
          width={shape.width}
          height={shape.height}
          rx={shape.rx}
          style={{
            fill: c(shape.fill),
            ...(shape.stroke ? strokeStyle(shape.stroke, shape.strokeWidth ?? 1, undefined, palette) : {}),
          }}
        />
      );
    case "circle":
      return (
        <circle
          cx={shape.cx}
          cy={shape.cy}
          r={shape.r}
          style={{ fill: c(shape.fill), ...strokeStyle(shape.stroke, shape.width, undefined, palette) }}
        />
      );
    case "text":
      return (
        <text
          x={shape.x}
          y={shape.y}
          fontSize={shape.size}
          textAnchor={shape.anchor}
          fontWeight={shape.bold ? "bold" : undefined}
          style={{ fill: c(shape.fill) }}
        >
          {shape.title ? <title>{shape.title}</title> : null}
          {shape.text}
        </text>
      );
  }
}

/**
 * The scene scaled to its container's width (at most 1.5 × its drawn size, so text stays a sensible
 * size in a wide pane); `label` is the picture's accessible summary.
 */
export function SceneSvg(props: { scene: Scene; label: string; className?: string; palette?: ChartPalette }) {
  const { scene, label } = props;
  const palette = props.palette ?? TOKEN_PALETTE;
  return (
    <svg
      className={props.className}
      viewBox={`0 0 ${scene.width} ${scene.height}`}
      role="img"
      aria-label={label}
      preserveAspectRatio="xMinYMin meet"
      style={{ maxWidth: `${scene.width * 1.5}px` }}
    >
      {scene.shapes.map((shape, i) => (
        <ShapeElement key={i} shape={shape} palette={palette} />
      ))}
    </svg>
  );
}
