import { render } from 'preact';
import { OptionsApp } from '@/components/OptionsApp';
import '@/components/base.css';

render(<OptionsApp />, document.getElementById('app')!);
