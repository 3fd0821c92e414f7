import { describe, expect, it, vi } from 'vitest';
import { ipcValidators } from '../../../shared/ipc/validate';
import { DEFAULT_SETTINGS } from '../../../shared/settings';
import { createIpcDispatcher } from '../../../electron/main/ipc/dispatcher';
import type { CallContext, IpcHandlers } from '../../../electron/main/ipc/types';
import { APP_ORIGIN, isTrustedSender, type SenderInfo } from '../../../electron/main/security-policy';

const trustedSender: SenderInfo = { url: `${APP_ORIGIN}/index.html`, isTopFrame: true };
const context: CallContext = { printPage: async () => new Uint8Array([37, 80, 68, 70]) };

function fakeHandlers(overrides: Partial<IpcHandlers> = {}): IpcHandlers {
  return {
    'wb:file.save': async (request) => ({ path: `/exports/${request.suggestedName}` }),
    'wb:settings.get': async () => DEFAULT_SETTINGS,
    'wb:settings.update': async (patch) => ({ ...DEFAULT_SETTINGS, ...patch }),
    'wb:recent.add': async () => [],
    'wb:recent.list': async () => [],
    'wb:print.toPdf': async () => null,
    'wb:app.info': async () => ({ version: '1.2.3', platform: 'linux', isPackaged: false }),
    ...overrides,
  };
}

function dispatcherWith(handlers: IpcHandlers, onUnexpectedError = vi.fn()) {
  const dispatch = createIpcDispatcher({
    validators: ipcValidators,
    handlers,
    isTrustedSender: (sender) => isTrustedSender(sender, [APP_ORIGIN]),
    onUnexpectedError,
  });
  return { dispatch, onUnexpectedError };
}

describe('createIpcDispatcher', () => {
  it('envelopes a successful reply', async () => {
    const { dispatch } = dispatcherWith(fakeHandlers());
    await expect(dispatch('wb:app.info', trustedSender, null, context)).resolves.toEqual({
      ok: true,
      value: { version: '1.2.3', platform: 'linux', isPackaged: false },
    });
    await expect(dispatch('wb:file.save', trustedSender, { suggestedName: 'a.csv', data: 'x' }, context)).resolves.toEqual({
      ok: true,
      value: { path: '/exports/a.csv' },
    });
  });

  it.each<[string, SenderInfo | null]>([
    ['a destroyed frame', null],
    ['a child frame', { url: `${APP_ORIGIN}/index.html`, isTopFrame: false }],
    ['a foreign origin', { url: 'https://evil.example/index.html', isTopFrame: true }],
    ['a file: page', { url: 'file:///tmp/evil.html', isTopFrame: true }],
    ['a look-alike host', { url: 'app://bundle.evil/index.html', isTopFrame: true }],
  ])('refuses %s without running the handler', async (_label, sender) => {
    const getSettings = vi.fn(async () => DEFAULT_SETTINGS);
    const { dispatch } = dispatcherWith(fakeHandlers({ 'wb:settings.get': getSettings }));
    const result = await dispatch('wb:settings.get', sender, null, context);
    expect(result).toEqual({
      ok: false,
      error: { name: 'ForbiddenError', message: 'untrusted sender for wb:settings.get', code: 'E_UNTRUSTED_SENDER' },
    });
    expect(getSettings).not.toHaveBeenCalled();
  });

  it('turns a validation failure into { ok: false } without calling the handler', async () => {
    const save = vi.fn(async () => null);
    const { dispatch, onUnexpectedError } = dispatcherWith(fakeHandlers({ 'wb:file.save': save }));
    const result = await dispatch('wb:file.save', trustedSender, { suggestedName: '../x.csv', data: 'x' }, context);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ name: 'ValidationError', code: 'E_INVALID_ARGUMENT' });
    expect(save).not.toHaveBeenCalled();
    expect(onUnexpectedError).not.toHaveBeenCalled();
  });

  it('serialises a thrown error with its name and code, and reports it', async () => {
    const diskFull = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const { dispatch, onUnexpectedError } = dispatcherWith(
      fakeHandlers({
        'wb:file.save': async () => {
          throw diskFull;
        },
      }),
    );
    const result = await dispatch('wb:file.save', trustedSender, { suggestedName: 'a.csv', data: 'x' }, context);
    expect(result).toEqual({
      ok: false,
      error: { name: 'Error', message: 'ENOSPC: no space left on device, write', code: 'ENOSPC' },
    });
    expect(onUnexpectedError).toHaveBeenCalledWith('wb:file.save', diskFull);
  });

  it('survives a non-Error throw', async () => {
    const { dispatch } = dispatcherWith(
      fakeHandlers({
        'wb:recent.list': async () => {
          throw 'plain string';
        },
      }),
    );
    await expect(dispatch('wb:recent.list', trustedSender, null, context)).resolves.toEqual({
      ok: false,
      error: { name: 'Error', message: 'plain string' },
    });
  });

  it('passes the call context through to the handler', async () => {
    const { dispatch } = dispatcherWith(
      fakeHandlers({
        'wb:print.toPdf': async (_request, callContext) => {
          const pdf = await callContext.printPage();
          return { path: `/exports/${pdf.byteLength}.pdf` };
        },
      }),
    );
    await expect(dispatch('wb:print.toPdf', trustedSender, { suggestedName: 'r.pdf' }, context)).resolves.toEqual({
      ok: true,
      value: { path: '/exports/4.pdf' },
    });
  });
});
