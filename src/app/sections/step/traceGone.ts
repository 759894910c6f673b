/** A trace read after it was released (a newer trace replaced it, or the view went away). */
export class TraceGoneError extends Error {
  constructor() {
    super('the block trace was released');
    this.name = 'TraceGoneError';
  }
}
