/** Errors a user can act on: they name the input being filled and the reference involved. */

export class MappingError extends Error {
  /** The action input being resolved, e.g. `email`; absent outside resolveInputs. */
  readonly input?: string;
  /** The reference involved, e.g. `@trigger.contact.email`; "" when none. */
  readonly path: string;
  /** The message without the `Input "x": ` prefix. */
  readonly reason: string;

  constructor(details: { input?: string; path: string; reason: string }) {
    super(details.input ? `Input "${details.input}": ${details.reason}` : details.reason);
    this.name = "MappingError";
    this.input = details.input;
    this.path = details.path;
    this.reason = details.reason;
  }

  withInput(input: string): MappingError {
    return this.input ? this : new MappingError({ input, path: this.path, reason: this.reason });
  }

  toJSON() {
    return { input: this.input, path: this.path, message: this.message };
  }
}

/** Thrown by a transform's `apply`; the evaluator turns it into a MappingError. */
export class TransformError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TransformError";
  }
}
