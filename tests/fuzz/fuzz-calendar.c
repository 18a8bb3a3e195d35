/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A phone's calendar (lh_calendar_for_bookings): what goes into it, the
 * resource's and the centre's names, the times and the status, comes from
 * the input. The names are first held to what the daemon lets in (one
 * line, at most 100 characters). The output is line-folded iCalendar:
 * every line CRLF-ended and at most 75 octets, the whole UTF-8; libical
 * reads it back as the same events. */
#include "lh-fuzz.h"

#include <libical/ical.h>
#include <string.h>

#include "lh-calendar.h"
#include "lh-text.h"

#define FIRST 1577836800            /* 2020-01-01 */
#define SPAN_MINUTES (80 * 366 * 1440u)

int
LLVMFuzzerInitialize (int *argc, char ***argv)
{
  return 0;
}

static guint
take (const uint8_t **data, size_t *size, guint n_bytes)
{
  guint value = 0;

  for (guint i = 0; i < n_bytes && *size > 0; i++, (*data)++, (*size)--)
    value = value << 8 | **data;
  return value;
}

static void
check_lines (const char *text)
{
  const char *line = text;

  LH_FUZZ_CHECK (g_utf8_validate (text, -1, NULL));
  while (*line != '\0')
    {
      const char *crlf = strstr (line, "\r\n");

      LH_FUZZ_CHECK (crlf != NULL);
      if (crlf - line > 75)
        fprintf (stderr, "a line of %d octets: %.*s\n", (int) (crlf - line), (int) (crlf - line), line);
      LH_FUZZ_CHECK (crlf - line <= 75);
      if (memchr (line, '\n', crlf - line) != NULL || memchr (line, '\r', crlf - line) != NULL)
        fprintf (stderr, "a bare line break in:\n%s\n", text);
      LH_FUZZ_CHECK (memchr (line, '\n', crlf - line) == NULL && memchr (line, '\r', crlf - line) == NULL);
      line = crlf + 2;
    }
}

/* libical's reader drops the spaces that begin and end a value
 * (" PC 3 " reads as "PC 3"), which a phone would not show anyway. */
static gboolean
same_text (const char *read, const char *written)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (written));

  return g_str_equal (read, trimmed);
}

static void
check_event (icalcomponent *event, const LhBooking *booking, const char *centre_name)
{
  g_autofree char *summary = g_strdup_printf ("%s at %s", booking->resource_name, centre_name);
  icalproperty *property;

  property = icalcomponent_get_first_property (event, ICAL_SUMMARY_PROPERTY);
  LH_FUZZ_CHECK (property != NULL);
  if (!same_text (icalproperty_get_summary (property), summary))
    fprintf (stderr, "summary read back: “%s”, was “%s”\n", icalproperty_get_summary (property), summary);
  LH_FUZZ_CHECK (same_text (icalproperty_get_summary (property), summary));
  property = icalcomponent_get_first_property (event, ICAL_LOCATION_PROPERTY);
  LH_FUZZ_CHECK (property != NULL && same_text (icalproperty_get_location (property), centre_name));
  LH_FUZZ_CHECK (icaltime_as_timet (icalcomponent_get_dtstart (event)) == booking->start_at);
  LH_FUZZ_CHECK (icaltime_as_timet (icalcomponent_get_dtend (event)) == booking->end_at);
  LH_FUZZ_CHECK (icalcomponent_get_status (event) ==
                 (g_str_equal (booking->status, "booked") ? ICAL_STATUS_CONFIRMED : ICAL_STATUS_CANCELLED));
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  LhBooking booking = { 0 };
  g_autoptr(GPtrArray) bookings = g_ptr_array_new ();
  g_autofree char *text = NULL;
  g_autofree char *resource_name = NULL;
  const char *centre_name;
  const char *newline;
  guint flags, n_events;
  icalcomponent *calendar;
  icalcomponent *event;
  guint n_read = 0;

  booking.id = take (&data, &size, 4);
  booking.start_at = FIRST + (gint64) (take (&data, &size, 4) % SPAN_MINUTES) * 60;
  booking.end_at = booking.start_at + 60 * (1 + take (&data, &size, 2) % (24 * 60));
  booking.created_at = booking.start_at - 60 * take (&data, &size, 2);
  flags = take (&data, &size, 1);
  booking.status = (char *) ((flags & 1) ? "cancelled" : "booked");
  n_events = 1 + (flags >> 1) % 3;

  /* The rest: the resource's name, a line break, the centre's. */
  newline = memchr (data, '\n', size);
  if (newline == NULL)
    return 0;
  resource_name = g_strndup ((const char *) data, newline - (const char *) data);
  centre_name = newline + 1;
  if (!lh_text_check ((const char *) data, newline - (const char *) data, LH_TEXT_LINE, 100, "", NULL) ||
      !lh_text_check (centre_name, size - (centre_name - (const char *) data), LH_TEXT_LINE, 100, "", NULL) ||
      lh_text_is_blank (resource_name))
    return 0;
  {
    g_autofree char *centre = g_strndup (centre_name, size - (centre_name - (const char *) data));

    /* The centre's name is never blank (lh-centre.c). */
    if (lh_text_is_blank (centre))
      return 0;

    booking.resource_name = resource_name;
    booking.resource_kind = (char *) "pc";
    for (guint i = 0; i < n_events; i++)
      g_ptr_array_add (bookings, &booking);
    text = n_events == 1 ? lh_calendar_for_booking (&booking, centre) : lh_calendar_for_bookings (bookings, centre);
    LH_FUZZ_CHECK (text != NULL);
    check_lines (text);

    calendar = icalparser_parse_string (text);
    LH_FUZZ_CHECK (calendar != NULL);
    LH_FUZZ_CHECK (icalcomponent_isa (calendar) == ICAL_VCALENDAR_COMPONENT);
    for (event = icalcomponent_get_first_component (calendar, ICAL_VEVENT_COMPONENT); event != NULL;
         event = icalcomponent_get_next_component (calendar, ICAL_VEVENT_COMPONENT))
      {
        check_event (event, &booking, centre);
        n_read++;
      }
    LH_FUZZ_CHECK (n_read == n_events);
    icalcomponent_free (calendar);
  }
  return 0;
}
