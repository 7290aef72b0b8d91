import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '@mesa/shared';
import { linkKeys } from './queryKeys';
import { useLocale } from '../../i18n/useLocale';
import { newAccountSettings, type NewAccountSettings } from './newAccountSettings';

/**
 * A mutation that creates an account and signs it in (setup, invitation). The account gets
 * the language the form was filled in and the browser's time zone (newAccountSettings);
 * afterwards the interface takes the account's language and they land on the portfolio.
 */
export function useAccountCreation<T>(create: (input: T & NewAccountSettings) => Promise<User>) {
  const { i18n } = useTranslation();
  const locale = useLocale();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: T) => create({ ...input, ...newAccountSettings(locale) }),
    onSuccess: async (user) => {
      await i18n.changeLanguage(user.locale);
      // What was cached belonged to nobody signed in; it goes. The check of the link just used
      // stays as it was: reset, it would ask again, get 404 and show "this link no longer
      // works" under the new person's header until the navigation below.
      await queryClient.resetQueries({
        predicate: (query) => query.queryKey[0] !== linkKeys.all[0],
      });
      await navigate('/', { replace: true });
      // Its page is gone; opening the link again asks the server again.
      queryClient.removeQueries({ queryKey: linkKeys.all });
    },
  });
}
