import type { Messages } from '../messages.ts';

/** Simplified Chinese. */
export const meta = { code: 'zh', name: '简体中文' };

export const messages: Messages = {
  language: {
    label: '语言',
  },
};
