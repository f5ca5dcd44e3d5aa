// Registers the elements before the app mounts (the app's entry file, as the README advises).
import 'post-login-widgets';
import { createApp } from 'vue';
import App from './App.vue';

createApp(App).mount('#app');
