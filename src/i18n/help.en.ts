/**
 * English help texts of `<post-login>` (the help popover: why SwissID, whom to contact, the SuisseID notice), from
 * the Post FAQ. This file defines the key set; each language is a chunk of its own, loaded when the help opens.
 */
const en = {
  whySwissidTitle: 'Why SwissID?',
  whySwissidText:
    'With a single login, SwissID gives you simple, convenient and secure access to the online services (websites and apps) of many companies, including the Post. Forgotten passwords are a thing of the past.',
  passwordText:
    'Most people have several logins with different passwords and therefore choose rather simple passwords, which are easier to guess. What matters is a long enough password: if you use only one password, you can choose a complex one and make your login more secure.',
  swissidProblemsTitle: 'Problems signing in with SwissID?',
  swissidProblemsText: 'If you have problems signing in with SwissID, please contact SwissSign customer service.',
  suisseidTitle: 'SuisseID (USB key / smart card)',
  suisseidText:
    'SwissID does not replace SuisseID with USB key or smart card. Since October 2017 you can no longer log in to your Post user account with SuisseID.',
  suisseidUses:
    'SuisseID still serves three purposes: legally valid electronic signatures, secure two-factor login to other online services, and confirmation of your digital identity for access to verified personal data.',
  suisseidContact: 'Questions about using SuisseID: SwissSign Group AG customer service',
  swisssignPhone: '0848 99 88 00',
  businessTitle: 'Business account with several users',
  businessText:
    'If several users are registered on your company account, contact one of your company’s superadministrators to manage the user accounts.',
  otherQuestionsTitle: 'Other questions',
  otherQuestionsText: 'Please contact the Contact Center.',
};

export type HelpMessages = { [K in keyof typeof en]: string };
export default en satisfies HelpMessages;
