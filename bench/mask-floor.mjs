// The signed-out mask as designed, with nothing behind it: lit, the mask's own styles and its markup with the German
// first-paint words, but no settings, session, language or popover logic. `npm run bench` paints it next to the widget,
// so that the gap splits into what the design on lit costs and what the widget's own code adds. Keep the markup in step
// with renderMask() in src/post-login/post-login.ts (signed out, no error, help closed).
import { LitElement, html } from 'lit';
import { firstPaintMessages } from '../src/i18n/first-paint.js';
import { styles } from '../src/post-login/post-login.styles.js';

const words = firstPaintMessages.de;

class MaskFloor extends LitElement {
  static styles = styles;

  render() {
    return html`
      <div class="mask" part="mask" role="group" aria-labelledby="title" aria-busy="false">
        <div class="heading">
          <p class="title" id="title" part="title">${words.maskTitle}</p>
          <button class="icon-button help-button" part="help-button" aria-expanded="false" aria-controls="help" aria-label=${words.helpButton}>?</button>
        </div>
        <p class="intro" part="intro">${words.maskIntro}</p>
        <div class="alert" part="message" role="alert"></div>
        <p class="status" part="status" role="status"></p>
        <button class="primary sign-in" part="sign-in-button" aria-disabled="false">${words.signInSwissid}</button>
        <div id="help" class="popover" part="help" role="dialog" aria-labelledby="help-title" tabindex="-1" hidden>
          <div class="popover-heading">
            <p class="popover-title" id="help-title">${words.helpTitle}</p>
            <button class="icon-button" aria-label=${words.closeHelp}>×</button>
          </div>
        </div>
      </div>
    `;
  }
}

customElements.define('mask-floor', MaskFloor);
