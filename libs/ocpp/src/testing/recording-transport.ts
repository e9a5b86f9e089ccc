/** A transport for RpcSession specs: records every frame sent, parsed back into arrays. */
export class RecordingTransport {
  readonly frames: unknown[][] = [];

  readonly send = (text: string): void => {
    this.frames.push(JSON.parse(text) as unknown[]);
  };

  last(): unknown[] {
    const frame = this.frames.at(-1);
    if (frame === undefined) throw new Error('nothing was sent');
    return frame;
  }

  /** The messageId of the last frame sent. */
  lastId(): string {
    return String(this.last()[1]);
  }
}
