/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-api"

#include "lh-pin-checker.h"

#include <string.h>

#include "lh-error.h"
#include "lh-secret.h"

struct _LhPinChecker
{
  GObject      parent_instance;

  GThreadPool *pool;               /* (owned) */
  GHashTable  *numbers_in_flight;  /* (owned) staff numbers being checked (main thread only) */
  GHashTable  *devices_in_flight;  /* (owned) device ids with a check under way (main thread only) */
  guint        queued;             /* checks accepted and not yet answered */
};

G_DEFINE_FINAL_TYPE (LhPinChecker, lh_pin_checker, G_TYPE_OBJECT)

typedef struct
{
  LhPinChecker *checker;    /* (owned) */
  GTask        *task;          /* (owned) */
  gint64        device_id;
  char         *staff_number;  /* (owned) */
  char         *hash;          /* (owned) */
  char         *pin;        /* (owned) wiped when freed */
  gboolean      ok;
} Check;

static void
check_free (Check *check)
{
  g_object_unref (check->checker);
  g_clear_object (&check->task);
  g_free (check->staff_number);
  g_free (check->hash);
  memset (check->pin, 0, strlen (check->pin));
  g_free (check->pin);
  g_free (check);
}

/* Back on the main context: the only place that touches checker state. */
static gboolean
check_done_cb (gpointer user_data)
{
  Check *check = user_data;

  check->checker->queued--;
  g_hash_table_remove (check->checker->numbers_in_flight, check->staff_number);
  g_hash_table_remove (check->checker->devices_in_flight, &check->device_id);
  g_task_return_boolean (check->task, check->ok);
  check_free (check);
  return G_SOURCE_REMOVE;
}

static void
verify_in_thread (gpointer data, gpointer user_data)
{
  Check *check = data;

  check->ok = lh_pin_verify (check->hash, check->pin);
  g_main_context_invoke_full (g_task_get_context (check->task), G_PRIORITY_DEFAULT,
                              check_done_cb, check, NULL);
}

static void
lh_pin_checker_finalize (GObject *object)
{
  LhPinChecker *self = LH_PIN_CHECKER (object);

  /* Every queued check holds a reference, so the pool is idle by now. */
  g_thread_pool_free (self->pool, FALSE, TRUE);
  g_hash_table_unref (self->numbers_in_flight);
  g_hash_table_unref (self->devices_in_flight);
  G_OBJECT_CLASS (lh_pin_checker_parent_class)->finalize (object);
}

static void
lh_pin_checker_class_init (LhPinCheckerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lh_pin_checker_finalize;
}

static void
lh_pin_checker_init (LhPinChecker *self)
{
  self->pool = g_thread_pool_new (verify_in_thread, NULL, LH_PIN_CHECKER_THREADS, FALSE, NULL);
  self->numbers_in_flight = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->devices_in_flight = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

LhPinChecker *
lh_pin_checker_new (void)
{
  /* Made once now rather than at the first unknown staff number, where it
   * would hold up the main loop. */
  lh_pin_dummy_hash ();
  return g_object_new (LH_TYPE_PIN_CHECKER, NULL);
}

gboolean
lh_pin_checker_check_async (LhPinChecker *self, gint64 device_id, const char *staff_number,
                            const char *hash, const char *pin,
                            GAsyncReadyCallback callback, gpointer user_data, GError **error)
{
  Check *check;

  g_return_val_if_fail (LH_IS_PIN_CHECKER (self), FALSE);
  g_return_val_if_fail (staff_number != NULL && hash != NULL && pin != NULL, FALSE);

  /* A kiosk has one person at its keypad: more at once is a script, and
   * it must not take the workers from the other kiosks. */
  if (g_hash_table_contains (self->devices_in_flight, &device_id))
    {
      g_set_error_literal (error, LH_ERROR, LH_ERROR_SLOWED,
                           "A PIN from this kiosk is being checked; try again in a moment");
      lh_error_set_reason (error, "pin-being-checked");
      return FALSE;
    }
  /* By the number typed, not the person: an unknown number answers alike. */
  if (g_hash_table_contains (self->numbers_in_flight, staff_number))
    {
      g_set_error_literal (error, LH_ERROR, LH_ERROR_LOCKED,
                           "A PIN for this staff number is being checked; try again in a moment");
      lh_error_set_reason (error, "pin-being-checked");
      return FALSE;
    }
  if (self->queued >= LH_PIN_CHECKER_THREADS + LH_PIN_CHECKER_QUEUE)
    {
      g_set_error_literal (error, LH_ERROR, LH_ERROR_BUSY,
                           "Many people are signing in at once; try again in a moment");
      return FALSE;
    }

  check = g_new0 (Check, 1);
  check->checker = g_object_ref (self);
  check->task = g_task_new (self, NULL, callback, user_data);
  check->device_id = device_id;
  check->staff_number = g_strdup (staff_number);
  check->hash = g_strdup (hash);
  check->pin = g_strdup (pin);
  g_hash_table_add (self->numbers_in_flight, g_strdup (staff_number));
  g_hash_table_add (self->devices_in_flight, g_memdup2 (&device_id, sizeof device_id));
  self->queued++;
  g_thread_pool_push (self->pool, check, NULL);
  return TRUE;
}

gboolean
lh_pin_checker_check_finish (LhPinChecker *self, GAsyncResult *result)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  return g_task_propagate_boolean (G_TASK (result), NULL);
}
