// Offline (dev and test) build only, loaded from a file so that the pane's Content-Security-Policy
// allows no inline script: outside Office, office.js falls back to its Office 2013 path, which
// opens a telemetry frame on a Microsoft host. Load it only where Office hosts the page, read from
// the same places office.js reads its host info.
(function () {
  var src = document.currentScript && document.currentScript.getAttribute('data-office-js');
  var hosted = false;
  try { hosted = !!window.external.GetHostInfo(); } catch (e) {}
  if (typeof agaveHost !== 'undefined' || /[?&]_host_Info=/.test(location.search)) hosted = true;
  try { hosted = hosted || !!JSON.parse(window.name).hostInfo; } catch (e) {}
  try { hosted = hosted || !!sessionStorage.getItem('hostInfoValue'); } catch (e) {}
  if (hosted && src) document.write('<script src="' + src + '"><\/script>');
  // Outside Office nothing hosts the functions: let functions.js register into nothing.
  else window.CustomFunctions = { associate: function () {} };
})();
