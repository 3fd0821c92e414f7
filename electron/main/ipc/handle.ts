/**
 * The ONE place `ipcMain.handle` is called (a security test enforces this).
 * It turns each Electron event into the pure dispatcher's inputs: who sent it
 * and what the sender's webContents may do for the handler.
 */
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { CHANNELS } from '../../../shared/ipc/contract';
import type { SenderInfo } from '../security-policy';
import type { IpcDispatch } from './dispatcher';
import type { CallContext } from './types';

function describeSender(event: IpcMainInvokeEvent): SenderInfo | null {
  // senderFrame is null once the frame has navigated away or been destroyed.
  const frame = event.senderFrame;
  return frame === null ? null : { url: frame.url, isTopFrame: frame.parent === null };
}

function contextFor(event: IpcMainInvokeEvent): CallContext {
  return {
    printPage: () => event.sender.printToPDF({ printBackground: true, pageSize: 'A4' }),
  };
}

export function registerIpcHandlers(dispatch: IpcDispatch): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, raw: unknown) => dispatch(channel, describeSender(event), raw, contextFor(event)));
  }
}
