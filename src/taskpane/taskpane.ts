/**
 * The page's entry. In a shared runtime this page also hosts the custom functions: functions.js
 * is a separate chunk loaded before this one, so the functions register before the pane's code
 * is even fetched. The pane itself is a lazy chunk.
 */
type HostInfo = { inExcel: boolean; displayLanguage?: string };

function mountPane(host: HostInfo): void {
  const container = document.getElementById('root');
  if (!container) return;
  import(/* webpackChunkName: "pane" */ './app').then(
    ({ mount }) => mount(container, host),
    () => {
      container.textContent = 'MKT : le volet n’a pas pu se charger. / The pane could not load.';
    },
  );
}

const office = (globalThis as { Office?: typeof Office }).Office;
if (office && typeof office.onReady === 'function') {
  office.onReady((info) => {
    const inExcel = info.host === office.HostType.Excel;
    mountPane({ inExcel, displayLanguage: inExcel ? office.context?.displayLanguage : navigator.language });
  });
} else {
  // office.js did not load (a plain browser without it): the pane still renders, actions disabled.
  mountPane({ inExcel: false, displayLanguage: navigator.language });
}
