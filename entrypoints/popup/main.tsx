import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import '@/components/base.css';

render(<PopupApp />, document.getElementById('app')!);
