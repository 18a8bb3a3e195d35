/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-page"

#include "lh-paid-failure.h"

typedef struct {
  LhPage           *page;         /* (unowned): it cancels before it goes */
  GCancellable    **cancellable;  /* the page's own slot */
  LhPaidFailedFunc  failed;
} Check;

static void
refusal_checked_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autofree Check *check = user_data;
  g_autoptr(GError) error = NULL;
  gboolean refused;

  refused = lh_time_choice_check_refusal_finish (LH_TIME_CHOICE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (check->cancellable);
  lh_page_end_confirm (check->page);
  /* Refused the paid time: its words and "Book it in my own time" show. */
  if (!refused)
    check->failed (check->page, error);
}

void
lh_page_check_paid_failure (LhPage           *page,
                            LhTimeChoice     *choice,
                            GCancellable    **cancellable,
                            const GError     *error,
                            LhPaidFailedFunc  failed)
{
  Check *check;

  g_return_if_fail (LH_IS_PAGE (page));
  g_return_if_fail (LH_IS_TIME_CHOICE (choice));
  g_return_if_fail (cancellable != NULL && G_IS_CANCELLABLE (*cancellable));
  g_return_if_fail (error != NULL);

  check = g_new (Check, 1);
  check->page = page;
  check->cancellable = cancellable;
  check->failed = failed;
  lh_time_choice_check_refusal_async (choice, error, *cancellable, refusal_checked_cb, check);
}
