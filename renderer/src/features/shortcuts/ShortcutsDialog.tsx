import { COMMANDS, formatAccelerator, type MenuGroup } from '../../../../shared/commands';
import { Dialog } from '../../components/Dialog';
import './shortcuts.css';

const GROUP_TITLES: Readonly<Record<MenuGroup, string>> = { file: 'File', edit: 'Edit', view: 'View', help: 'Help' };
const GROUP_ORDER: readonly MenuGroup[] = ['file', 'edit', 'view', 'help'];

/** Mouse and keys of the grid itself, which are not menu commands. */
function gridGestures(isMac: boolean): readonly (readonly [string, string])[] {
  const primary = isMac ? '⌘' : 'Ctrl+';
  return [
    ['Select a cell', 'Click'],
    ['Extend the selection', 'Shift+Click or drag'],
    ['Extend with the keyboard', 'Shift+Arrows'],
    ['Select whole rows', 'Click row numbers'],
    ['Select all rows', `${primary}A`],
    ['Sort by a column', 'Click its header'],
    ['Pin, sort or autosize', 'Column ⋮ menu'],
  ];
}

/** Keys and gestures of the match view's side-by-side items (F8 is in the View group above). */
function matchGestures(isMac: boolean): readonly (readonly [string, string])[] {
  const primary = isMac ? '⌘' : 'Ctrl+';
  return [
    ['Next difference', 'N'],
    ['Previous difference', 'P'],
    ['Select a row', 'Click'],
    ['Add rows, from any item', `${primary}Click`],
    ['Select a whole item', 'Click its status'],
    ['Add the focused item', 'Space'],
    ['Run the spec', `${primary}Enter`],
  ];
}

export function ShortcutsDialog({ isMac, onClose }: { isMac: boolean; onClose(): void }) {
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} width={600} testId="shortcuts-dialog">
      <div className="shortcuts">
        {GROUP_ORDER.map((group) => {
          const commands = COMMANDS.filter((command) => command.menu === group);
          if (commands.length === 0) return null;
          return (
            <section key={group}>
              <h3>{GROUP_TITLES[group]}</h3>
              <dl>
                {commands.map((command) => (
                  <div key={command.id} className="shortcut-row">
                    <dt>{command.label}</dt>
                    <dd>
                      <kbd>{formatAccelerator(command.accelerator, isMac)}</kbd>
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          );
        })}
        <section className="shortcuts-grid" data-testid="shortcuts-match">
          <h3>Match</h3>
          <dl>
            {matchGestures(isMac).map(([label, keys]) => (
              <div key={label} className="shortcut-row">
                <dt>{label}</dt>
                <dd className="shortcut-gesture">{keys.length === 1 ? <kbd>{keys}</kbd> : keys}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="shortcuts-grid">
          <h3>Grid</h3>
          <dl>
            {gridGestures(isMac).map(([label, keys]) => (
              <div key={label} className="shortcut-row">
                <dt>{label}</dt>
                <dd className="shortcut-gesture">{keys}</dd>
              </div>
            ))}
          </dl>
        </section>
      </div>
    </Dialog>
  );
}
