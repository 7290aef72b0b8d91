import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { updateMe, type Me } from '../../lib/accountApi';
import { authKeys } from '../auth/queryKeys';

/** Saves name, language and time zone; the interface switches to the saved language. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  const { i18n } = useTranslation();
  return useMutation({
    mutationFn: updateMe,
    onSuccess: async (user) => {
      queryClient.setQueryData<Me>(authKeys.me, (me) => (me ? { ...me, user } : me));
      await i18n.changeLanguage(user.locale);
    },
  });
}
