/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-slots"

#include "lh-slots.h"

/* Where a slot already begun starts: the next 5-minute mark (how the kiosk
 * shows times, not a rule). */
#define ROUND_MINUTES 5

LhSlot *
lh_slot_copy (const LhSlot *slot)
{
  LhSlot *copy;

  g_return_val_if_fail (slot != NULL, NULL);

  copy = g_new0 (LhSlot, 1);
  copy->resource_id = slot->resource_id;
  copy->resource_name = g_strdup (slot->resource_name);
  copy->start = g_date_time_ref (slot->start);
  copy->end = g_date_time_ref (slot->end);
  copy->state = slot->state;
  copy->clash_with = g_strdup (slot->clash_with);
  copy->unsuggested = slot->unsuggested;
  return copy;
}

void
lh_slot_free (LhSlot *slot)
{
  if (slot == NULL)
    return;
  g_free (slot->clash_with);
  g_free (slot->resource_name);
  g_clear_pointer (&slot->start, g_date_time_unref);
  g_clear_pointer (&slot->end, g_date_time_unref);
  g_free (slot);
}

static GDateTime *
next_hour (GDateTime *time)
{
  g_autoptr(GDateTime) floor = NULL;

  floor = g_date_time_add_full (time, 0, 0, 0, 0,
                                -g_date_time_get_minute (time),
                                -g_date_time_get_seconds (time));
  return g_date_time_add_hours (floor, 1);
}

/* now rounded up to the next 5-minute mark, seconds dropped */
static GDateTime *
next_mark (GDateTime *now)
{
  int minute = g_date_time_get_minute (now);
  g_autoptr(GDateTime) floor = g_date_time_add_full (now, 0, 0, 0, 0,
                                                     -(minute % ROUND_MINUTES),
                                                     -g_date_time_get_seconds (now));

  if (g_date_time_compare (floor, now) >= 0)
    return g_steal_pointer (&floor);
  return g_date_time_add_minutes (floor, ROUND_MINUTES);
}

static gboolean
overlaps (GDateTime *a_start,
          GDateTime *a_end,
          GDateTime *b_start,
          GDateTime *b_end)
{
  return g_date_time_compare (a_start, b_end) < 0 && g_date_time_compare (b_start, a_end) < 0;
}

static LhSlotState
slot_state (const LhResourceDay *resource,
            GDateTime           *start,
            GDateTime           *end)
{
  gboolean taken = FALSE;

  for (guint i = 0; i < resource->busy->len; i++)
    {
      LhInterval *busy = g_ptr_array_index (resource->busy, i);

      if (!overlaps (start, end, busy->start, busy->end))
        continue;
      if (busy->mine)
        return LH_SLOT_MINE;
      taken = TRUE;
    }
  if (taken)
    return LH_SLOT_TAKEN;

  for (guint i = 0; i < resource->free->len; i++)
    {
      LhInterval *free = g_ptr_array_index (resource->free, i);

      if (g_date_time_compare (free->start, start) <= 0 &&
          g_date_time_compare (end, free->end) <= 0)
        return LH_SLOT_FREE;
    }
  return LH_SLOT_TAKEN;
}

GPtrArray *
lh_slots_own (const LhAvailability *availability)
{
  GPtrArray *own = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_slot_free);

  g_return_val_if_fail (availability != NULL, own);

  for (guint i = 0; i < availability->resources->len; i++)
    {
      LhResourceDay *resource = g_ptr_array_index (availability->resources, i);

      for (guint j = 0; j < resource->busy->len; j++)
        {
          LhInterval *busy = g_ptr_array_index (resource->busy, j);
          LhSlot *slot;

          if (!busy->mine)
            continue;
          slot = g_new0 (LhSlot, 1);
          slot->resource_id = resource->id;
          slot->resource_name = g_strdup (resource->name);
          slot->start = g_date_time_ref (busy->start);
          slot->end = g_date_time_ref (busy->end);
          slot->state = LH_SLOT_MINE;
          g_ptr_array_add (own, slot);
        }
    }
  return own;
}

const LhSlot *
lh_slots_find_overlap (GPtrArray *own,
                       GDateTime *start,
                       GDateTime *end)
{
  g_return_val_if_fail (start != NULL && end != NULL, NULL);

  for (guint i = 0; own != NULL && i < own->len; i++)
    {
      const LhSlot *mine = g_ptr_array_index (own, i);

      if (overlaps (start, end, mine->start, mine->end))
        return mine;
    }
  return NULL;
}

static void
add_slot (GPtrArray           *slots,
          const LhResourceDay *resource,
          GDateTime           *start,
          GDateTime           *end,
          GDateTime           *now,
          int                  slot_minutes,
          int                  max_minutes,
          GPtrArray           *own)
{
  const LhSlot *clash;
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) to = g_date_time_ref (end);
  LhSlot *slot;
  /* The hour that is going on now. */
  gboolean current = g_date_time_compare (start, now) <= 0;

  if (g_date_time_compare (end, now) <= 0)
    return;
  from = g_date_time_compare (start, now) < 0 ? next_mark (now) : g_date_time_ref (start);
  /* Shorter than the daemon's slot would only be refused. */
  if (g_date_time_difference (to, from) < MAX (slot_minutes, 1) * G_TIME_SPAN_MINUTE)
    return;
  if (max_minutes >= slot_minutes && max_minutes > 0 &&
      g_date_time_difference (to, from) > max_minutes * G_TIME_SPAN_MINUTE)
    {
      g_date_time_unref (to);
      to = g_date_time_add_minutes (from, max_minutes);
    }

  slot = g_new0 (LhSlot, 1);
  slot->resource_id = resource->id;
  slot->resource_name = g_strdup (resource->name);
  slot->start = g_steal_pointer (&from);
  slot->end = g_steal_pointer (&to);
  slot->state = slot_state (resource, slot->start, slot->end);
  slot->unsuggested = resource->kiosk_offline && !resource->offline_suggested;
  /* The hour going on is as the daemon says the PC is now. */
  if (current && resource->now == LH_PC_NOW_OUT_OF_ORDER && slot->state != LH_SLOT_MINE)
    slot->state = LH_SLOT_OUT_OF_ORDER;
  else if (current && resource->now == LH_PC_NOW_OFFLINE && slot->state != LH_SLOT_MINE)
    slot->state = LH_SLOT_OFFLINE;
  else if (current && resource->now == LH_PC_NOW_IN_USE && slot->state == LH_SLOT_TAKEN)
    slot->state = LH_SLOT_IN_USE;
  clash = lh_slots_find_overlap (own, slot->start, slot->end);
  if (slot->state == LH_SLOT_FREE && clash != NULL)
    {
      slot->state = LH_SLOT_CLASH;
      slot->clash_with = g_strdup (clash->resource_name);
    }
  g_ptr_array_add (slots, slot);
}

GPtrArray *
lh_slots_for_resource (const LhResourceDay *resource,
                       GDateTime           *now,
                       int                  slot_minutes,
                       int                  max_minutes,
                       GPtrArray           *own)
{
  g_autoptr(GPtrArray) slots = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_slot_free);

  g_return_val_if_fail (resource != NULL, NULL);
  g_return_val_if_fail (now != NULL, NULL);

  for (guint i = 0; i < resource->open->len; i++)
    {
      LhInterval *open = g_ptr_array_index (resource->open, i);
      g_autoptr(GDateTime) start = g_date_time_ref (open->start);

      while (g_date_time_compare (start, open->end) < 0)
        {
          g_autoptr(GDateTime) end = next_hour (start);

          if (g_date_time_compare (end, open->end) > 0)
            {
              g_date_time_unref (end);
              end = g_date_time_ref (open->end);
            }
          add_slot (slots, resource, start, end, now, slot_minutes, max_minutes, own);
          g_date_time_unref (start);
          start = g_steal_pointer (&end);
        }
    }
  return g_steal_pointer (&slots);
}

GPtrArray *
lh_slots_soonest_free (GPtrArray *per_resource,
                       guint      n)
{
  GPtrArray *soonest = g_ptr_array_new ();
  g_autofree guint *next = NULL;

  g_return_val_if_fail (per_resource != NULL, soonest);

  /* A merge of the per-resource lists, which are already in time order. */
  next = g_new0 (guint, per_resource->len + 1);
  while (soonest->len < n)
    {
      LhSlot *best = NULL;
      guint best_list = 0;

      for (guint i = 0; i < per_resource->len; i++)
        {
          GPtrArray *slots = g_ptr_array_index (per_resource, i);

          /* Not a PC the daemon would suggest to anyone now (offline). */
          while (next[i] < slots->len &&
                 (((LhSlot *) g_ptr_array_index (slots, next[i]))->state != LH_SLOT_FREE ||
                  ((LhSlot *) g_ptr_array_index (slots, next[i]))->unsuggested))
            next[i]++;
          if (next[i] < slots->len)
            {
              LhSlot *slot = g_ptr_array_index (slots, next[i]);

              if (best == NULL || g_date_time_compare (slot->start, best->start) < 0)
                {
                  best = slot;
                  best_list = i;
                }
            }
        }
      if (best == NULL)
        break;
      g_ptr_array_add (soonest, best);
      next[best_list]++;
    }
  return soonest;
}
