export { PhoneNumbersPage } from './components/phone-numbers-page';
