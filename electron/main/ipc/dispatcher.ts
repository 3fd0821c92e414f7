/**
 * The pure core of handle.ts: sender check → runtime validation → handler →
 * Result envelope. Every failure, expected or not, becomes `{ ok: false }`
 * with a serialised error, so main never crashes on a bad request and the
 * renderer always gets `name` and `code`.
 */
import type { Channel, Res } from '../../../shared/ipc/contract';
import { ValidationError } from '../../../shared/ipc/guards';
import { err, ok, serializeError, type Result } from '../../../shared/ipc/result';
import type { IpcValidators } from '../../../shared/ipc/validate';
import type { SenderInfo } from '../security-policy';
import type { CallContext, IpcHandlers } from './types';

export class ForbiddenError extends Error {
  override readonly name = 'ForbiddenError';
  readonly code = 'E_UNTRUSTED_SENDER';
}

export interface DispatcherOptions {
  readonly validators: IpcValidators;
  readonly handlers: IpcHandlers;
  readonly isTrustedSender: (sender: SenderInfo | null) => boolean;
  /** Called for errors that are not validation or sender refusals, i.e. likely bugs or I/O faults. */
  readonly onUnexpectedError?: (channel: Channel, error: unknown) => void;
}

export type IpcDispatch = <C extends Channel>(
  channel: C,
  sender: SenderInfo | null,
  raw: unknown,
  context: CallContext,
) => Promise<Result<Res<C>>>;

export function createIpcDispatcher(options: DispatcherOptions): IpcDispatch {
  return async function dispatch<C extends Channel>(
    channel: C,
    sender: SenderInfo | null,
    raw: unknown,
    context: CallContext,
  ): Promise<Result<Res<C>>> {
    if (!options.isTrustedSender(sender)) {
      return err(serializeError(new ForbiddenError(`untrusted sender for ${channel}`)));
    }
    try {
      const request = options.validators[channel](raw);
      return ok(await options.handlers[channel](request, context));
    } catch (error) {
      if (!(error instanceof ValidationError)) options.onUnexpectedError?.(channel, error);
      return err(serializeError(error));
    }
  };
}
