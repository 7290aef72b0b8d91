import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '@mesa/shared';
import { linkKeys } from './queryKeys';

/**
 * A mutation that creates an account and signs it in (setup, invitation): afterwards the
 * interface takes the person's language and they land on the portfolio.
 */
export function useAccountCreation<T>(create: (input: T) => Promise<User>) {
  const { i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: create,
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
