/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-equipment-page"

#include "lh-equipment-words.h"

#include <glib/gi18n.h>

#include "lh-messages.h"

char *
lh_equipment_format_age (GDateTime *reported_at,
                         GDateTime *now)
{
  g_autoptr(GDateTime) day_reported = g_date_time_new (g_date_time_get_timezone (now),
                                                       g_date_time_get_year (reported_at),
                                                       g_date_time_get_month (reported_at),
                                                       g_date_time_get_day_of_month (reported_at), 0, 0, 0);
  g_autoptr(GDateTime) today = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                                                g_date_time_get_month (now), g_date_time_get_day_of_month (now),
                                                0, 0, 0);
  /* Whole days by the calendar: reported yesterday evening is a day ago. */
  int days = (int) MAX (0, (g_date_time_difference (today, day_reported) + G_TIME_SPAN_HOUR) / G_TIME_SPAN_DAY);

  if (days == 0)
    return g_strdup (_("Reported today"));
  if (days == 1)
    return g_strdup (_("Reported yesterday"));
  if (days < 14)
    return g_strdup_printf (ngettext ("Reported %d day ago", "Reported %d days ago", days), days);
  return g_strdup_printf (ngettext ("Reported %d week ago", "Reported %d weeks ago", days / 7), days / 7);
}

const char *
lh_equipment_kind_words (const char *kind)
{
  static const struct { const char *kind; const char *words; } kinds[] = {
    { "computer", N_("Computer") },
    { "monitor", N_("Monitor") },
    { "desk", N_("Desk") },
    { "chair", N_("Chair") },
    { "lockable-cabinet", N_("Lockable cabinet") },
    { "headset", N_("Headset") },
    { "printer", N_("Printer") },
    { "accessibility", N_("Accessibility equipment") },
    { "other", N_("Other equipment") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (g_strcmp0 (kind, kinds[i].kind) == 0)
      return _(kinds[i].words);
  return _("Other equipment");
}

char *
lh_equipment_format_fault_item (const LhOpenFault *fault)
{
  g_return_val_if_fail (fault != NULL, NULL);

  if (fault->pc_name != NULL)
    /* Translators: "PC 5 (asset LC-0005)" */
    return g_strdup_printf (_("%s (asset %s)"), fault->pc_name, fault->asset_tag);
  /* Translators: "Headset, asset LC-0241" */
  return g_strdup_printf (_("%s, asset %s"), lh_equipment_kind_words (fault->kind), fault->asset_tag);
}

const char *
lh_equipment_category_words (const char *category)
{
  static const struct { const char *category; const char *words; } categories[] = {
    { "programs", N_("Won’t start a program") },
    { "internet", N_("No internet") },
    { "keyboard-mouse", N_("Keyboard or mouse") },
    { "screen", N_("Screen") },
    { "sound", N_("Sound") },
    { "printer", N_("Printer") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (categories); i++)
    if (g_strcmp0 (category, categories[i].category) == 0)
      return _(categories[i].words);
  return _("Something else");
}

char *
lh_equipment_format_reports (const LhOpenFault *fault)
{
  g_autofree char *reports = NULL;

  g_return_val_if_fail (fault != NULL, NULL);

  reports = g_strdup_printf (ngettext ("Reported once", "Reported %d times", (gulong) fault->reports),
                             (int) fault->reports);
  if (fault->overdue && fault->stops_use)
    /* Translators: "Reported 3 times. Out of use, and open longer than agreed." */
    return g_strdup_printf (_("%s. Out of use, and open longer than agreed."), reports);
  if (fault->overdue)
    return g_strdup_printf (_("%s. Open longer than agreed."), reports);
  if (fault->stops_use)
    return g_strdup_printf (_("%s. Out of use until repaired."), reports);
  return g_strdup_printf (_("%s. Still in use."), reports);
}

char *
lh_equipment_format_assigned (const LhOpenFault *fault)
{
  g_return_val_if_fail (fault != NULL, NULL);

  if (fault->assigned_to == NULL)
    return g_strdup (_("Nobody is seeing to it yet"));
  return g_strdup_printf (_("Assigned to %s"), fault->assigned_to);
}

char *
lh_equipment_format_kind_heading (const char *kind,
                                  guint       count)
{
  /* Translators: an inventory heading, "Computer: 8 items". */
  return g_strdup_printf (ngettext ("%s: %u item", "%s: %u items", count), lh_equipment_kind_words (kind), count);
}

const char *
lh_equipment_status_words (const char *status)
{
  if (g_strcmp0 (status, "working") == 0)
    return _("Working");
  if (g_strcmp0 (status, "faulty") == 0)
    return _("Faulty");
  if (g_strcmp0 (status, "in-repair") == 0)
    return _("In repair");
  if (g_strcmp0 (status, "retired") == 0)
    return _("Retired");
  return status;
}

char *
lh_equipment_format_item (const LhEquipmentItem *item)
{
  const char *description;

  g_return_val_if_fail (item != NULL, NULL);

  description = item->description[0] != '\0' ? item->description : lh_equipment_kind_words (item->kind);
  if (item->pc_name != NULL)
    /* Translators: "LC-0001: Desktop PC, 16 GB, is PC 1" */
    return g_strdup_printf (_("%s: %s, is %s"), item->asset_tag, description, item->pc_name);
  if (item->location[0] != '\0')
    /* Translators: "LC-0201: Desk, 1200 mm, in the PC room" */
    return g_strdup_printf (_("%s: %s, in %s"), item->asset_tag, description, item->location);
  return g_strdup_printf (_("%s: %s"), item->asset_tag, description);
}

static const char *
event_words (const LhItemEvent *event)
{
  if (g_str_equal (event->what, "added"))
    return _("Added to the inventory");
  if (g_str_equal (event->what, "edited"))
    return _("Details changed");
  if (g_str_equal (event->what, "fault"))
    return _("Fault reported");
  if (g_str_equal (event->what, "checked"))
    return _("Checked");
  if (g_str_equal (event->what, "repaired"))
    return _("Repaired");
  return lh_equipment_status_words (event->status);
}

char *
lh_equipment_format_event (const LhItemEvent *event)
{
  g_autofree char *day = NULL;
  g_autofree char *clock = NULL;

  g_return_val_if_fail (event != NULL, NULL);

  day = g_date_time_format (event->at, "%e %b %Y");
  clock = g_date_time_format (event->at, "%H:%M");
  g_strstrip (day);
  if (event->note[0] != '\0')
    /* Translators: "3 Dec 2026, 10:15. Faulty: Flickers. By Jo Admin." */
    return g_strdup_printf (_("%s, %s. %s: %s. By %s."), day, clock, event_words (event), event->note, event->by);
  /* Translators: "3 Dec 2026, 10:15. Working. By Jo Admin." */
  return g_strdup_printf (_("%s, %s. %s. By %s."), day, clock, event_words (event), event->by);
}

char *
lh_equipment_format_open_faults (guint n_faults)
{
  if (n_faults == 0)
    return g_strdup (_("No open faults. Everything reported has been repaired."));
  return g_strdup_printf (ngettext ("%u open fault, oldest first.", "%u open faults, oldest first.", n_faults),
                          n_faults);
}

char *
lh_equipment_format_assigned_toast (const LhOpenFault *fault)
{
  g_autofree char *item = lh_equipment_format_fault_item (fault);

  return g_strdup_printf (_("%s is assigned to %s."), item, fault->assigned_to != NULL ? fault->assigned_to : "");
}

char *
lh_equipment_format_repaired_toast (const LhOpenFault *fault)
{
  g_autofree char *item = lh_equipment_format_fault_item (fault);

  if (fault->pc_name != NULL)
    return g_strdup_printf (_("%s is repaired. It can be booked again if nothing else is wrong with it."), item);
  return g_strdup_printf (_("%s is repaired."), item);
}

char *
lh_equipment_format_status_toast (const LhEquipmentItem *item)
{
  /* Translators: "LC-0201 is now: Faulty." */
  return g_strdup_printf (_("%s is now: %s."), item->asset_tag, lh_equipment_status_words (item->status));
}

/* A note or a name refused: whole sentences per field, as languages
 * inflect "the note" differently; the limit is the daemon's, if given. */
static char *
format_text_refusal (const GError *error,
                     gboolean      is_note)
{
  guint max_chars = lh_client_error_get_max_chars (error, NULL);

  if (max_chars == 0)
    return g_strdup (is_note ? _("Please write the note on one line and keep it short.")
                             : _("Please write the name on one line and keep it short."));
  if (is_note)
    return g_strdup_printf (ngettext ("Please write the note on one line, in at most %u letter.",
                                      "Please write the note on one line, in at most %u letters.", max_chars),
                            max_chars);
  return g_strdup_printf (ngettext ("Please write the name on one line, in at most %u letter.",
                                    "Please write the name on one line, in at most %u letters.", max_chars),
                          max_chars);
}

char *
lh_equipment_format_refusal (const GError *error)
{
  static const struct { const char *reason; const char *words; } reasons[] = {
    { "item-not-found", N_("This item is not in the inventory any more.") },
    { "status-unchanged", N_("The item has that status already. Someone may have changed it just now.") },
    { "status-unknown", N_("The centre’s server does not know that status. Please tell your IT support.") },
    { "note-required", N_("Please say why, in a few words: the repairer and the committee need to know.") },
    { "status-conflict", N_("That clashes with what is already recorded for this item.") },
    { "fault-open", N_("A fault that stops its use is still open. Record the repair to put it back in service.") },
    { "pc-has-computer", N_("Another working computer is already that PC. Retire that one first.") },
    { "status-refused", N_("That change is not allowed for this item.") },
    { "fault-not-found", N_("This fault is not there any more. The list is up to date again.") },
    { "fault-repaired-already", N_("This fault is repaired already. The list is up to date again.") },
    { "assignee-missing", N_("Please say who is seeing to it.") },
    { "role-missing", N_("Only an admin can do this. Please sign in again as an admin.") },
  };
  const char *reason;

  g_return_val_if_fail (error != NULL, NULL);

  reason = lh_client_error_get_reason (error);
  if (g_strcmp0 (reason, "note-invalid") == 0)
    return format_text_refusal (error, TRUE);
  if (g_strcmp0 (reason, "assignee-invalid") == 0)
    return format_text_refusal (error, FALSE);
  for (guint i = 0; reason != NULL && i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (reason, reasons[i].reason))
      return g_strdup (_(reasons[i].words));
  return lh_message_for_error (error);
}

char *
lh_equipment_format_saved_toast (const LhItemDetail *detail,
                                 gboolean            added)
{
  g_autoptr(GString) text = g_string_new (NULL);
  gulong moved = (gulong) detail->bookings_moved;
  gulong cancelled = (gulong) detail->bookings_cancelled;

  if (added)
    /* Translators: "LC-0301 is in the inventory now." */
    g_string_append_printf (text, _("%s is in the inventory now."), detail->item->asset_tag);
  else
    /* Translators: "The details of LC-0301 are saved." */
    g_string_append_printf (text, _("The details of %s are saved."), detail->item->asset_tag);
  /* Its PC link put a PC out of order, or back: the daemon's counts. */
  if (moved > 0)
    {
      g_autofree char *sentence = g_strdup_printf (ngettext ("%lu learner's booking moved to another PC.",
                                                             "%lu learners' bookings moved to another PC.", moved),
                                                   moved);

      g_string_append_printf (text, " %s", sentence);
    }
  if (cancelled > 0)
    {
      g_autofree char *sentence = g_strdup_printf (ngettext ("%lu learner's booking was cancelled, as no other "
                                                             "PC was free then.",
                                                             "%lu learners' bookings were cancelled, as no other "
                                                             "PC was free then.", cancelled), cancelled);

      g_string_append_printf (text, " %s", sentence);
    }
  if (moved > 0 || cancelled > 0)
    g_string_append_printf (text, " %s", _("They will be told when they next use a kiosk."));
  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* A text too long, with the limit the daemon gives, said of the box it
 * is in. */
static char *
too_long_words (const GError *error)
{
  const char *field = NULL;
  guint max_chars = lh_client_error_get_max_chars (error, &field);
  gulong n = max_chars;

  if (max_chars == 0)
    return g_strdup (_("Something you typed is too long. Please make it shorter."));
  if (g_strcmp0 (field, "asset_tag") == 0)
    return g_strdup_printf (ngettext ("The asset tag is too long: it can have at most %lu letter.",
                                      "The asset tag is too long: it can have at most %lu letters.", n), n);
  if (g_strcmp0 (field, "description") == 0)
    return g_strdup_printf (ngettext ("What it is is too long: say it in at most %lu letter.",
                                      "What it is is too long: say it in at most %lu letters.", n), n);
  if (g_strcmp0 (field, "location") == 0)
    return g_strdup_printf (ngettext ("Where it is kept is too long: say it in at most %lu letter.",
                                      "Where it is kept is too long: say it in at most %lu letters.", n), n);
  return g_strdup_printf (ngettext ("Something you typed is too long: keep it to at most %lu letter.",
                                    "Something you typed is too long: keep it to at most %lu letters.", n), n);
}

char *
lh_equipment_format_edit_refusal (const GError *error)
{
  static const struct { const char *reason; const char *words; } reasons[] = {
    { "asset-tag-taken", N_("Another item has that asset tag already. Check the label, or find that item in the list.") },
    { "asset-tag-invalid", N_("Please type the asset tag as it is on the label, on one line.") },
    { "kind-unknown", N_("The centre’s server does not know that kind of item. Please tell your IT support.") },
    { "text-invalid", N_("Please write the description and the place on one line each.") },
    { "pc-unknown", N_("That PC cannot be booked any more. Choose another, or none.") },
    { "pc-not-computer", N_("Only a computer can be a bookable PC. Choose “Not a bookable PC”.") },
    { "pc-has-computer", N_("That PC has a computer already. Change that computer first, or choose another PC.") },
    { "item-retired", N_("This item is retired, so its details stay as they were. Add a new item instead.") },
    { "field-not-editable", N_("An item’s asset tag and kind stay as they are. Retire it and add a new one.") },
  };
  const char *reason;

  g_return_val_if_fail (error != NULL, NULL);

  reason = lh_client_error_get_reason (error);
  if (g_strcmp0 (reason, "text-too-long") == 0)
    return too_long_words (error);
  for (guint i = 0; reason != NULL && i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (reason, reasons[i].reason))
      return g_strdup (_(reasons[i].words));
  return lh_equipment_format_refusal (error);
}
