/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-calendar"

#include "lh-calendar.h"

#include <libical/ical.h>

#include "lh-error.h"
#include "lh-secret.h"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (icalcomponent, icalcomponent_free)

static icalcomponent *
event_for_booking (const LhBooking *booking, const char *centre_name)
{
  icalcomponent *event;
  g_autofree char *uid = NULL;
  g_autofree char *summary = NULL;

  uid = g_strdup_printf ("booking-%" G_GINT64_FORMAT "@learnhub", booking->id);
  summary = g_strdup_printf ("%s at %s", booking->resource_name, centre_name);

  event = icalcomponent_new_vevent ();
  icalcomponent_add_property (event, icalproperty_new_uid (uid));
  icalcomponent_add_property (event, icalproperty_new_dtstamp (icaltime_from_timet_with_zone (booking->created_at, 0, icaltimezone_get_utc_timezone ())));
  icalcomponent_add_property (event, icalproperty_new_dtstart (icaltime_from_timet_with_zone (booking->start_at, 0, icaltimezone_get_utc_timezone ())));
  icalcomponent_add_property (event, icalproperty_new_dtend (icaltime_from_timet_with_zone (booking->end_at, 0, icaltimezone_get_utc_timezone ())));
  icalcomponent_add_property (event, icalproperty_new_summary (summary));
  icalcomponent_add_property (event, icalproperty_new_location (centre_name));
  icalcomponent_add_property (event, icalproperty_new_status (g_str_equal (booking->status, "booked") ?
                                                                ICAL_STATUS_CONFIRMED : ICAL_STATUS_CANCELLED));
  return event;
}

/* Content lines of at most 75 octets (RFC 5545, 3.1), folded afresh.
 * libical 3.0 folds a line whose value ends at the fold point inside its
 * own CRLF ("…\r" "\r\n " "\n"), which no reader takes for a line
 * break; unfolding its "\r\n " undoes its folds, that one included, and
 * the lines are then folded here, never inside a UTF-8 character. */
static char *
refold (const char *ical)
{
  g_autoptr(GString) unfolded = g_string_new (ical);
  GString *out = g_string_sized_new (unfolded->len + unfolded->len / 64);
  g_auto(GStrv) lines = NULL;

  g_string_replace (unfolded, "\r\n ", "", 0);
  lines = g_strsplit (unfolded->str, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *p = lines[i];
      gsize room = 75;

      if (*p == '\0')
        continue;
      while (*p != '\0')
        {
          const char *end = p;

          /* Whole characters while they fit. */
          while (*end != '\0')
            {
              const char *next = g_utf8_next_char (end);

              if ((gsize) (next - p) > room)
                break;
              end = next;
            }
          g_string_append_len (out, p, end - p);
          g_string_append (out, "\r\n");
          p = end;
          if (*p != '\0')
            g_string_append_c (out, ' ');
          room = 74;  /* after the space that says "folded" */
        }
    }
  return g_string_free (out, FALSE);
}

static char *
calendar_text (GPtrArray *events)
{
  g_autoptr(icalcomponent) calendar = icalcomponent_vanew (ICAL_VCALENDAR_COMPONENT,
                                                           icalproperty_new_version ("2.0"),
                                                           icalproperty_new_prodid ("-//learnhub//learnhubd "
                                                                                    PACKAGE_VERSION "//EN"),
                                                           (void *) 0);

  for (guint i = 0; i < events->len; i++)
    icalcomponent_add_component (calendar, g_ptr_array_index (events, i));
  /* libical's string belongs to its ring buffer; hand out our own. */
  return refold (icalcomponent_as_ical_string (calendar));
}

char *
lh_calendar_for_booking (const LhBooking *booking, const char *centre_name)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new ();

  g_return_val_if_fail (booking != NULL, NULL);
  g_ptr_array_add (events, event_for_booking (booking, centre_name));
  return calendar_text (events);
}

char *
lh_calendar_for_bookings (GPtrArray *bookings, const char *centre_name)
{
  g_autoptr(GPtrArray) events = g_ptr_array_new ();

  g_return_val_if_fail (bookings != NULL, NULL);
  for (guint i = 0; i < bookings->len; i++)
    g_ptr_array_add (events, event_for_booking (g_ptr_array_index (bookings, i), centre_name));
  return calendar_text (events);
}

char *
lh_calendar_new_feed_key (LhStore *store, gint64 person_id, GError **error)
{
  g_autoptr(LhStmt) update = NULL;
  g_autofree char *key = NULL;
  guint8 hash[LH_TOKEN_HASH_SIZE];

  g_return_val_if_fail (LH_IS_STORE (store), NULL);

  update = lh_store_prepare (store, "UPDATE people SET calendar_key_hash = ?2 WHERE id = ?1", error);
  if (update == NULL)
    return NULL;
  key = lh_token_generate (hash);
  sqlite3_bind_int64 (update, 1, person_id);
  sqlite3_bind_blob (update, 2, hash, sizeof hash, SQLITE_TRANSIENT);
  if (!lh_store_exec (store, update, error))
    return NULL;
  if (lh_store_changes (store) == 0)
    {
      g_set_error_literal (error, LH_ERROR, LH_ERROR_NOT_FOUND, "No such person");
      lh_error_set_reason (error, "person-not-found");
      return NULL;
    }
  return g_steal_pointer (&key);
}
