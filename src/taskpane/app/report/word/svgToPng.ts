/**
 * Browser-only: draws an SVG chart on a canvas and encodes it as PNG, for the Word file (Word and WPS show
 * PNG everywhere; SVG pictures need Word 2016+ and a fallback image). Every way the browser can fail
 * (no canvas, an SVG it cannot load, a tainted canvas, no PNG encoder, a canvas too large) rejects with an
 * Error that says which; nothing returns an empty or blank image silently.
 */

/** Browsers refuse canvases past these (Safari caps the area at 16.7 megapixels); stay under them. */
const MAX_SIDE = 8192;
const MAX_AREA = 16_000_000;
/** An image that neither loads nor fails within this long counts as failed. */
const LOAD_TIMEOUT_MS = 15_000;
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function messageOf(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function loadImage(source: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image();
    const timer = setTimeout(
      () => reject(new Error(`svgToPng: the browser did not render the SVG within ${LOAD_TIMEOUT_MS / 1000} s`)),
      LOAD_TIMEOUT_MS,
    );
    image.onload = () => {
      clearTimeout(timer);
      resolve(image);
    };
    image.onerror = () => {
      clearTimeout(timer);
      reject(
        new Error(
          "svgToPng: the browser could not render the SVG as an image (is it well-formed, with " +
            'xmlns="http://www.w3.org/2000/svg" on its root element?)',
        ),
      );
    };
    image.src = source;
  });
}

function toPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    try {
      canvas.toBlob((blob) => {
        if (blob) resolve(blob);
        else reject(new Error("svgToPng: the browser could not encode the canvas as PNG (toBlob gave no data)"));
      }, "image/png");
    } catch (error) {
      // A SecurityError when the SVG tainted the canvas (foreignObject, external images in some browsers).
      reject(new Error(`svgToPng: the browser refused to export the drawn chart (${messageOf(error)})`));
    }
  });
}

/**
 * The SVG drawn at width × height pixels on white, as PNG bytes. Give the SVG a viewBox so it scales; pass
 * twice the display size for a sharp print.
 */
export async function svgToPng(svg: string, width: number, height: number): Promise<Uint8Array> {
  const pixelWidth = Math.round(width);
  const pixelHeight = Math.round(height);
  if (!(Number.isFinite(width) && Number.isFinite(height) && pixelWidth >= 1 && pixelHeight >= 1)) {
    throw new RangeError(`svgToPng: the size must be at least 1 × 1 pixels, got ${width} × ${height}`);
  }
  if (pixelWidth > MAX_SIDE || pixelHeight > MAX_SIDE || pixelWidth * pixelHeight > MAX_AREA) {
    throw new RangeError(
      `svgToPng: ${pixelWidth} × ${pixelHeight} pixels is larger than browsers draw (at most ${MAX_SIDE} a side, ` +
        `${MAX_AREA.toLocaleString("en-US")} pixels)`,
    );
  }
  if (typeof document === "undefined" || typeof Image === "undefined") {
    throw new Error("svgToPng needs a browser (Image and canvas): it cannot run here");
  }
  const canvas = document.createElement("canvas");
  canvas.width = pixelWidth;
  canvas.height = pixelHeight;
  const context = canvas.getContext("2d");
  if (!context) throw new Error("svgToPng: this browser gives no 2D canvas to draw the chart on");

  // A data: URL rather than a blob: URL: no object URL to revoke, and no browser taints a canvas for it.
  const image = await loadImage(`data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`);
  context.fillStyle = "#ffffff";
  context.fillRect(0, 0, pixelWidth, pixelHeight);
  try {
    context.drawImage(image, 0, 0, pixelWidth, pixelHeight);
  } catch (error) {
    throw new Error(`svgToPng: the browser could not draw the SVG on the canvas (${messageOf(error)})`);
  }
  const blob = await toPngBlob(canvas);
  const bytes = new Uint8Array(await blob.arrayBuffer());
  if (!PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) {
    throw new Error(`svgToPng: the browser gave ${blob.type || "an unknown type"} instead of PNG`);
  }
  return bytes;
}
