/**
 * The figure recorder (figureRecorder.ts) as a hook: records once when the table is known (changes
 * made while the pane was closed), then a little after every reload of the sheet (`trigger` changes:
 * pass the snapshot the pane store read), waiting while `paused`.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import { recordFigures } from "../../../excel/recordFigures";
import { createFigureRecorder, RECORD_DELAY_MS, type FigureRecorder, type RecorderState } from "./figureRecorder";

const IDLE: RecorderState = { stored: null, outcome: null, error: null, running: false };

export interface FigureRecording extends RecorderState {
  /** Records now (before an export, say); resolves when done. */
  recordNow: () => Promise<void>;
  /** Shows a plan another operation stored (setFigureRecord, adjustTarget) until the next recording. */
  setStored: FigureRecorder["setStored"];
  /** Runs an operation that rewrites the plan part with no recording beside it. */
  exclusive: <T>(op: () => Promise<T>) => Promise<T>;
}

export function useFigureRecorder(
  tableName: string | null,
  trigger: unknown,
  paused = false,
  delayMs = RECORD_DELAY_MS,
): FigureRecording {
  const [state, setState] = useState<RecorderState>(IDLE);
  const recorderRef = useRef<FigureRecorder | null>(null);

  useEffect(() => {
    if (tableName === null) return;
    const recorder = createFigureRecorder({ record: () => recordFigures(tableName), onChange: setState, delayMs });
    recorderRef.current = recorder;
    void recorder.flush();
    return () => {
      recorder.dispose();
      if (recorderRef.current === recorder) recorderRef.current = null;
    };
  }, [tableName, delayMs]);

  useEffect(() => {
    recorderRef.current?.schedule();
  }, [trigger]);

  useEffect(() => {
    recorderRef.current?.pause(paused);
  }, [paused]);

  return useMemo(
    () => ({
      ...state,
      recordNow: async () => {
        await recorderRef.current?.flush();
      },
      setStored: (plan) => recorderRef.current?.setStored(plan),
      exclusive: <T>(op: () => Promise<T>): Promise<T> =>
        recorderRef.current ? recorderRef.current.exclusive(op) : op(),
    }),
    [state],
  );
}
