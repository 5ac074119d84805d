// Progressive enhancement only: every page works without JavaScript. Loaded as a module from our own origin,
// so the Content-Security-Policy needs no inline script.
import { initAll } from "./govuk-frontend.min.js";

initAll();
