import { html } from 'lit';
import type { HelpMessages } from '../i18n/help.en.js';

type Translate = (key: keyof HelpMessages) => string;

/** The login help from the Post FAQ: why SwissID, whom to contact for what, and the SuisseID notice. */
export function helpContent(t: Translate) {
  return html`
    <h3>${t('whySwissidTitle')}</h3>
    <p>${t('whySwissidText')}</p>
    <p>${t('passwordText')}</p>
    <h3>${t('swissidProblemsTitle')}</h3>
    <p>${t('swissidProblemsText')}</p>
    <h3>${t('suisseidTitle')}</h3>
    <p>${t('suisseidText')}</p>
    <p>${t('suisseidUses')}</p>
    <p>${t('suisseidContact')}: <a part="phone-link" href="tel:+41848998800">${t('swisssignPhone')}</a></p>
    <h3>${t('businessTitle')}</h3>
    <p>${t('businessText')}</p>
    <h3>${t('otherQuestionsTitle')}</h3>
    <p>${t('otherQuestionsText')}</p>
  `;
}
