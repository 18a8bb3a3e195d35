/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-mine-item"

#include "lh-mine-item.h"

LhMineItem *
lh_mine_item_new_booking (const LhBooking *booking)
{
  LhMineItem *item;

  g_return_val_if_fail (booking != NULL, NULL);

  item = g_new0 (LhMineItem, 1);
  item->kind = LH_MINE_BOOKING;
  item->booking = lh_booking_copy (booking);
  item->time_off = booking->time_off ? lh_time_off_copy (booking->time_off) : NULL;
  return item;
}

LhMineItem *
lh_mine_item_new_group (const LhGroupSession *session)
{
  LhMineItem *item;

  g_return_val_if_fail (session != NULL, NULL);

  if (g_strcmp0 (session->my_place, "booked") != 0 && g_strcmp0 (session->my_place, "waiting") != 0)
    return NULL;
  item = g_new0 (LhMineItem, 1);
  item->kind = g_str_equal (session->my_place, "waiting") ? LH_MINE_WAITING : LH_MINE_GROUP_PLACE;
  item->session = lh_group_session_copy (session);
  return item;
}

LhMineItem *
lh_mine_item_new_assessment (const LhAssessmentSlot *slot)
{
  LhMineItem *item;

  g_return_val_if_fail (slot != NULL, NULL);

  item = g_new0 (LhMineItem, 1);
  item->kind = LH_MINE_ASSESSMENT;
  item->slot = lh_assessment_slot_copy (slot);
  item->time_off = slot->time_off ? lh_time_off_copy (slot->time_off) : NULL;
  return item;
}

LhMineItem *
lh_mine_item_copy (const LhMineItem *item)
{
  LhMineItem *copy;

  g_return_val_if_fail (item != NULL, NULL);

  copy = g_new0 (LhMineItem, 1);
  copy->kind = item->kind;
  copy->booking = item->booking ? lh_booking_copy (item->booking) : NULL;
  copy->session = item->session ? lh_group_session_copy (item->session) : NULL;
  copy->slot = item->slot ? lh_assessment_slot_copy (item->slot) : NULL;
  copy->time_off = item->time_off ? lh_time_off_copy (item->time_off) : NULL;
  return copy;
}

void
lh_mine_item_free (LhMineItem *item)
{
  if (item == NULL)
    return;
  g_clear_pointer (&item->booking, lh_booking_free);
  g_clear_pointer (&item->session, lh_group_session_free);
  g_clear_pointer (&item->slot, lh_assessment_slot_free);
  g_clear_pointer (&item->time_off, lh_time_off_free);
  g_free (item);
}

GDateTime *
lh_mine_item_get_start (const LhMineItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  switch (item->kind)
    {
    case LH_MINE_BOOKING:
      return item->booking->start;
    case LH_MINE_GROUP_PLACE:
    case LH_MINE_WAITING:
      return item->session->start;
    case LH_MINE_ASSESSMENT:
    default:
      return item->slot->start;
    }
}

GDateTime *
lh_mine_item_get_end (const LhMineItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  switch (item->kind)
    {
    case LH_MINE_BOOKING:
      return item->booking->end;
    case LH_MINE_GROUP_PLACE:
    case LH_MINE_WAITING:
      return item->session->end;
    case LH_MINE_ASSESSMENT:
    default:
      return item->slot->end;
    }
}

gint64
lh_mine_item_get_id (const LhMineItem *item)
{
  g_return_val_if_fail (item != NULL, 0);

  switch (item->kind)
    {
    case LH_MINE_BOOKING:
      return item->booking->id;
    case LH_MINE_GROUP_PLACE:
    case LH_MINE_WAITING:
      return item->session->id;
    case LH_MINE_ASSESSMENT:
    default:
      return item->slot->id;
    }
}

gboolean
lh_mine_item_is_walk_up (const LhMineItem *item)
{
  g_return_val_if_fail (item != NULL, FALSE);

  return item->kind == LH_MINE_BOOKING && item->booking->walk_up;
}

gboolean
lh_mine_item_same (const LhMineItem *a,
                   const LhMineItem *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);

  return a->kind == b->kind && lh_mine_item_get_id (a) == lh_mine_item_get_id (b);
}

/* Soonest first; at the same time, in the order of LhMineKind, then by
 * id, so that the order never wobbles between loads. */
static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const LhMineItem *x = *(const LhMineItem * const *) a;
  const LhMineItem *y = *(const LhMineItem * const *) b;
  int by_start = g_date_time_compare (lh_mine_item_get_start (x), lh_mine_item_get_start (y));
  gint64 x_id, y_id;

  if (by_start != 0)
    return by_start;
  if (x->kind != y->kind)
    return x->kind < y->kind ? -1 : 1;
  x_id = lh_mine_item_get_id (x);
  y_id = lh_mine_item_get_id (y);
  return x_id < y_id ? -1 : x_id > y_id;
}

GPtrArray *
lh_mine_items_collect (GPtrArray *bookings,
                       GPtrArray *sessions,
                       GPtrArray *slots)
{
  GPtrArray *items = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_mine_item_free);

  for (guint i = 0; bookings != NULL && i < bookings->len; i++)
    {
      const LhBooking *booking = g_ptr_array_index (bookings, i);

      if (g_strcmp0 (booking->status, "cancelled") != 0)
        g_ptr_array_add (items, lh_mine_item_new_booking (booking));
    }
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      LhMineItem *item = lh_mine_item_new_group (g_ptr_array_index (sessions, i));

      if (item != NULL)
        g_ptr_array_add (items, item);
    }
  for (guint i = 0; slots != NULL && i < slots->len; i++)
    {
      const LhAssessmentSlot *slot = g_ptr_array_index (slots, i);

      if (slot->mine)
        g_ptr_array_add (items, lh_mine_item_new_assessment (slot));
    }
  g_ptr_array_sort (items, compare_items);
  return items;
}

/* What each kind of thing asks of the person's time, as the daemon
 * names it. */
static const char *
item_activity (const LhMineItem *item)
{
  switch (item->kind)
    {
    case LH_MINE_BOOKING:
      return "centre-learning";
    case LH_MINE_GROUP_PLACE:
    case LH_MINE_WAITING:
      return "group-study";
    case LH_MINE_ASSESSMENT:
    default:
      return "skills-for-life";
    }
}

void
lh_mine_items_add_time_off (GPtrArray              *items,
                            const LhTimeOffBalance *balance)
{
  g_return_if_fail (items != NULL);

  for (guint i = 0; balance != NULL && i < items->len; i++)
    {
      LhMineItem *item = g_ptr_array_index (items, i);
      const LhTimeOff *found;

      /* A walk-up asks nothing; a booking says its own. */
      if (item->time_off != NULL || lh_mine_item_is_walk_up (item))
        continue;
      found = lh_time_off_balance_find (balance, item_activity (item), lh_mine_item_get_start (item),
                                        lh_mine_item_get_end (item));
      if (found != NULL)
        item->time_off = lh_time_off_copy (found);
    }
}
