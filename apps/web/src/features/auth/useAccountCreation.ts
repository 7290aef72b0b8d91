import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { User } from '@mesa/shared';

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
      await queryClient.resetQueries();
      await navigate('/', { replace: true });
    },
  });
}
