/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-housekeeper"

#include "lh-housekeeper.h"

#include "lh-admin-notices.h"
#include "lh-advice-record.h"
#include "lh-api-json.h"
#include "lh-dropins.h"
#include "lh-fault-retention.h"
#include "lh-faults.h"
#include "lh-housekeeping.h"
#include "lh-routes.h"
#include "lh-time.h"
#include "lh-usage.h"

/* Even with nothing foreseen, look again this often: a cheap guard against
 * a change that forgot to reschedule. */
#define LONGEST_WAIT_SECONDS (60 * 60)
/* Advice records past their retention go at most this often: a month's
 * limit needs no finer grain, and it is a scan. */
#define RETENTION_EVERY_SECONDS (60 * 60)
/* An erasure's old copies left in the WAL, because a reader held it, are
 * cleared at the next try this soon after. */
#define SCRUB_RETRY_SECONDS 60
/* Working out the next due moment takes several queries, which cost a
 * booking a tenth of its CPU when done after every change. The changes of
 * the next quarter second share one: the timer has a grain of a second,
 * so nothing falls due late for it. */
#define RESCHEDULE_AFTER_MS 250

struct _LhHousekeeper
{
  GObject         parent_instance;

  LhStore        *store;   /* (owned) */
  const LhCentre *centre;  /* (unowned) */
  LhEventHub     *events;  /* (owned) */
  guint           timer_id;
  gint64          due;     /* when the timer fires, 0 if none */
  GHashTable     *warned;  /* sitting id → the last warning sent for it, as
                            * ends_at * 10 + minutes, so none goes twice */
  gint64          retention_at;  /* when retention last ran, 0 never */
  gint64          fault_retention_at;  /* likewise for the faults' */
  guint           reschedule_id; /* a reschedule asked for, pending */
  guint           holds;         /* while > 0, rescheduling waits */
  gboolean        reschedule_held;
  gint64          last_run_us;   /* monotonic time the last run ended */
};

G_DEFINE_FINAL_TYPE (LhHousekeeper, lh_housekeeper, G_TYPE_OBJECT)

static void
lh_housekeeper_dispose (GObject *object)
{
  LhHousekeeper *self = LH_HOUSEKEEPER (object);

  g_clear_handle_id (&self->timer_id, g_source_remove);
  g_clear_handle_id (&self->reschedule_id, g_source_remove);
  g_clear_pointer (&self->warned, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->events);
  G_OBJECT_CLASS (lh_housekeeper_parent_class)->dispose (object);
}

static void
lh_housekeeper_class_init (LhHousekeeperClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lh_housekeeper_dispose;
}

static void
lh_housekeeper_init (LhHousekeeper *self)
{
  self->warned = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

LhHousekeeper *
lh_housekeeper_new (LhStore *store, const LhCentre *centre, LhEventHub *events)
{
  LhHousekeeper *self = g_object_new (LH_TYPE_HOUSEKEEPER, NULL);

  self->store = g_object_ref (store);
  self->centre = centre;
  self->events = g_object_ref (events);
  return self;
}

static void
publish_availability (LhHousekeeper *self, gint64 resource_id, gint64 at)
{
  g_autoptr(JsonNode) data = lh_json_availability_change (resource_id, at, self->centre->tz);

  lh_event_hub_publish (self->events, "availability-changed", data, 0);
}

void
lh_housekeeper_announce_ended (LhHousekeeper *self, GPtrArray *ended)
{
  g_return_if_fail (LH_IS_HOUSEKEEPER (self));

  for (guint i = 0; ended != NULL && i < ended->len; i++)
    {
      const LhUsage *usage = g_ptr_array_index (ended, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) data = NULL;

      lh_json_add_usage (builder, usage, 0, self->centre->tz);
      data = json_builder_get_root (builder);
      lh_event_hub_publish_to_devices (self->events, "usage-ended", data, &usage->device_id, 1,
                                       usage->person_id);
      publish_availability (self, usage->resource_id, usage->ended_at);
      g_hash_table_remove (self->warned, &usage->id);
      g_info ("Sitting %" G_GINT64_FORMAT " at %s ended (%s)", usage->id, usage->resource_name,
              usage->end_reason);
    }
}

/* "usage-ending" to the PC's kiosk (and the person's streams), 5 minutes
 * and 1 minute before the end: the kiosk also times its warnings itself
 * from ends_at, so that they come even while it is offline. */
static void
warn_ending (LhHousekeeper *self, GPtrArray *ending, gint64 now)
{
  for (guint i = 0; i < ending->len; i++)
    {
      const LhUsage *usage = g_ptr_array_index (ending, i);
      int minutes = usage->ends_at - now > LH_HOUSEKEEPING_LAST_WARN_SECONDS ? 5 : 1;
      gint64 code = usage->ends_at * 10 + minutes;
      const gint64 *sent = g_hash_table_lookup (self->warned, &usage->id);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) data = NULL;

      if (sent != NULL && *sent == code)
        continue;
      g_hash_table_insert (self->warned, g_memdup2 (&usage->id, sizeof usage->id), g_memdup2 (&code, sizeof code));
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "minutes_left");
      json_builder_add_int_value (builder, minutes);
      json_builder_set_member_name (builder, "usage");
      lh_json_add_usage (builder, usage, 0, self->centre->tz);
      json_builder_end_object (builder);
      data = json_builder_get_root (builder);
      lh_event_hub_publish_to_devices (self->events, "usage-ending", data, &usage->device_id, 1, usage->person_id);
    }
}

/* Drop-ins whose end passed close by themselves (whoever still waited is
 * "unseen"); every display and desk hears of each. */
static void
close_ended_dropins (LhHousekeeper *self, gint64 now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) closed = NULL;

  if (!lh_dropins_close_ended (self->store, now, &closed, &error))
    {
      g_warning ("Cannot close the drop-ins that ended, will try again: %s", error->message);
      return;
    }
  for (guint i = 0; i < closed->len; i++)
    {
      g_autoptr(JsonNode) data = lh_json_queue_change (g_array_index (closed, gint64, i));

      lh_event_hub_publish (self->events, "queue-changed", data, 0);
    }
  if (closed->len > 0)
    g_info ("%u drop-in(s) closed at their end", closed->len);
}

/* A fault open longer than the terms allow: kept as a notice, and the
 * signed-in admins told once (the event names an item, never a person). */
static void
tell_overdue_faults (LhHousekeeper *self, gint64 now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) overdue = lh_faults_take_newly_overdue (self->store, now, &error);

  if (overdue == NULL)
    {
      g_warning ("Cannot tell which faults are overdue, will try again: %s", error->message);
      return;
    }
  for (guint i = 0; i < overdue->len; i++)
    {
      const LhFault *fault = g_ptr_array_index (overdue, i);
      g_autoptr(JsonBuilder) builder = json_builder_new ();
      g_autoptr(JsonNode) data = NULL;

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "fault_id");
      json_builder_add_int_value (builder, fault->id);
      /* A PC with no computer in the inventory has no asset tag: its
       * name says which. */
      lh_json_add_string_or_null (builder, "asset_tag", fault->asset_tag);
      lh_json_add_string_or_null (builder, "pc", fault->resource_name);
      lh_json_add_string (builder, "category", fault->category);
      json_builder_end_object (builder);
      data = json_builder_get_root (builder);
      lh_event_hub_publish_to_admins (self->events, "fault-overdue", data);
      g_message ("Fault %" G_GINT64_FORMAT " on %s is overdue", fault->id,
                 fault->asset_tag != NULL ? fault->asset_tag : fault->resource_name);
    }
  if (overdue->len > 0)
    lh_routes_publish_admin_notices (self->store, self->events);
}

/* A PC still out of order gives up its bookings a day ahead, as they
 * come within the horizon of lh_faults_move_coming_bookings. */
static void
move_coming_bookings (LhHousekeeper *self, gint64 now)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) moves = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_fault_move_free);

  if (!lh_faults_move_coming_bookings (self->store, self->centre, now, moves, &error))
    {
      g_warning ("Cannot move the bookings of PCs out of order, will try again: %s", error->message);
      return;
    }
  lh_routes_tell_moved (self->store, self->events, self->centre->tz, now, moves);
}

/* Checks coming due or overdue: kept as notices for the admins. */
static void
remind_checks (LhHousekeeper *self, gint64 now)
{
  g_autoptr(GError) error = NULL;
  guint raised = 0;

  if (!lh_admin_notices_raise_checks (self->store, self->centre->tz, now, &raised, &error))
    {
      g_warning ("Cannot tell which checks are due, will try again: %s", error->message);
      return;
    }
  if (raised == 0)
    return;
  g_message ("%u check reminder(s) for the admins", raised);
  lh_routes_publish_admin_notices (self->store, self->events);
}

static void
expire_advice (LhHousekeeper *self, gint64 now)
{
  g_autoptr(GError) error = NULL;
  guint n_deleted = 0;

  if (self->retention_at != 0 && now - self->retention_at < RETENTION_EVERY_SECONDS)
    return;
  self->retention_at = now;
  if (!lh_advice_expire (self->store, self->centre, now, &n_deleted, &error))
    g_warning ("Cannot delete the advice records past their retention: %s", error->message);
  else if (n_deleted > 0)
    {
      g_info ("%u advice record(s) past their retention deleted", n_deleted);
      lh_store_scrub_when_committed (self->store);
    }
}

/* Fault reports' notes and learners' fault notices no longer of use: a
 * note could name its writer, a notice where a learner was to be. */
static void
forget_fault_details (LhHousekeeper *self, gint64 now)
{
  g_autoptr(GError) error = NULL;
  guint n_changed = 0;

  if (self->fault_retention_at != 0 && now - self->fault_retention_at < RETENTION_EVERY_SECONDS)
    return;
  self->fault_retention_at = now;
  if (!lh_faults_forget (self->store, now, &n_changed, &error))
    g_message ("Cannot forget fault notes and notices past their use, will try again: %s", error->message);
  else if (n_changed > 0)
    {
      g_info ("%u fault note(s) and notice(s) past their use forgotten", n_changed);
      lh_store_scrub_when_committed (self->store);
    }
}

/* An erasure whose old copies a reader kept in the WAL: they go now. */
static void
retry_scrub (LhHousekeeper *self)
{
  g_autoptr(GError) error = NULL;

  if (!lh_store_scrub_pending (self->store) || lh_store_in_transaction (self->store))
    return;
  if (lh_store_scrub (self->store, &error))
    g_message ("Erased advice records are now gone from the WAL too");
  else
    g_message ("%s", error->message);
}

static gboolean
timer_cb (gpointer user_data)
{
  LhHousekeeper *self = user_data;

  self->timer_id = 0;
  self->due = 0;
  lh_housekeeper_run (self);
  return G_SOURCE_REMOVE;
}

static void
set_timer (LhHousekeeper *self)
{
  g_autoptr(GError) error = NULL;
  gint64 now = lh_time_now ();
  gint64 due, dropin_end = 0, fault_overdue = 0, check_due = 0;

  g_clear_handle_id (&self->reschedule_id, g_source_remove);
  if (!lh_housekeeping_next_due (self->store, self->centre, now, &due, &error) ||
      !lh_dropins_next_end (self->store, &dropin_end, &error) ||
      !lh_faults_next_overdue (self->store, now, &fault_overdue, &error) ||
      !lh_admin_notices_next_check (self->store, self->centre->tz, now, &check_due, &error))
    {
      g_warning ("Cannot tell when housekeeping is next due: %s", error->message);
      due = now + 60;
    }
  if (dropin_end > 0 && (due == 0 || dropin_end < due))
    due = dropin_end;
  if (fault_overdue > 0 && (due == 0 || fault_overdue < due))
    due = fault_overdue;
  if (check_due > 0 && (due == 0 || check_due < due))
    due = check_due;
  if (lh_store_scrub_pending (self->store) && (due == 0 || now + SCRUB_RETRY_SECONDS < due))
    due = now + SCRUB_RETRY_SECONDS;
  if (due == 0)
    due = now + LONGEST_WAIT_SECONDS;
  /* What is already due (a fault made overdue by another program) runs
   * now, not at a later tick of the seconds' clock; but at most once a
   * second, so a due moment that a run cannot clear never spins. */
  if (due <= now && g_get_monotonic_time () - self->last_run_us >= G_USEC_PER_SEC)
    {
      if (self->timer_id != 0 && self->due == now)
        return;
      g_clear_handle_id (&self->timer_id, g_source_remove);
      self->due = now;
      self->timer_id = g_idle_add_full (G_PRIORITY_DEFAULT, timer_cb, self, NULL);
      g_source_set_name_by_id (self->timer_id, "[learnhubd] housekeeping, due now");
      return;
    }
  due = CLAMP (due, now + 1, now + LONGEST_WAIT_SECONDS);
  if (self->timer_id != 0 && self->due == due)
    return;
  g_clear_handle_id (&self->timer_id, g_source_remove);
  self->due = due;
  self->timer_id = g_timeout_add_seconds_full (G_PRIORITY_DEFAULT, (guint) (due - now), timer_cb,
                                               self, NULL);
  g_source_set_name_by_id (self->timer_id, "[learnhubd] housekeeping");
}

static gboolean
reschedule_cb (gpointer user_data)
{
  LhHousekeeper *self = user_data;

  self->reschedule_id = 0;
  set_timer (self);
  return G_SOURCE_REMOVE;
}

void
lh_housekeeper_reschedule (LhHousekeeper *self)
{
  g_return_if_fail (LH_IS_HOUSEKEEPER (self));

  if (self->holds > 0)
    {
      self->reschedule_held = TRUE;
      return;
    }
  if (self->reschedule_id != 0)
    return;
  self->reschedule_id = g_timeout_add (RESCHEDULE_AFTER_MS, reschedule_cb, self);
  g_source_set_name_by_id (self->reschedule_id, "[learnhubd] housekeeping reschedule");
}

void
lh_housekeeper_run (LhHousekeeper *self)
{
  g_auto(LhHousekeeping) result = { 0 };
  g_autoptr(GError) error = NULL;
  gint64 now = lh_time_now ();

  g_return_if_fail (LH_IS_HOUSEKEEPER (self));

  lh_housekeeping_init (&result);
  if (!lh_housekeeping_run (self->store, self->centre, now, &result, &error))
    g_warning ("Housekeeping failed, will try again: %s", error->message);
  lh_housekeeper_announce_ended (self, result.ended);
  warn_ending (self, result.ending, now);
  for (guint i = 0; i < result.released->len; i++)
    {
      const LhReleased *released = &g_array_index (result.released, LhReleased, i);

      g_info ("Booking %" G_GINT64_FORMAT " released: not checked in", released->booking_id);
      publish_availability (self, released->resource_id, released->start_at);
    }
  /* A booking released may take a waiting time-off request with it. */
  if (result.released->len > 0)
    lh_routes_publish_time_off_pending (self->store, self->events);
  close_ended_dropins (self, now);
  tell_overdue_faults (self, now);
  move_coming_bookings (self, now);
  remind_checks (self, now);
  retry_scrub (self);
  expire_advice (self, now);
  forget_fault_details (self, now);
  /* When it ended: a run that took a second (a lock waited for) is not
   * followed by another at once. */
  self->last_run_us = g_get_monotonic_time ();
  set_timer (self);
}

void
lh_housekeeper_hold (LhHousekeeper *self)
{
  g_return_if_fail (LH_IS_HOUSEKEEPER (self));
  self->holds++;
}

void
lh_housekeeper_release (LhHousekeeper *self)
{
  g_return_if_fail (LH_IS_HOUSEKEEPER (self));
  g_return_if_fail (self->holds > 0);

  if (--self->holds == 0 && self->reschedule_held)
    {
      self->reschedule_held = FALSE;
      lh_housekeeper_reschedule (self);
    }
}
