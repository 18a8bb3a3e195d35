/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-week-grid"

#include "lh-week-grid.h"

#include <glib/gi18n.h>

#include "lh-time-format.h"

/* ---- the days ---------------------------------------------------------- */

void
lh_week_day_forget_answer (LhWeekDay *day)
{
  g_clear_pointer (&day->availability, lh_availability_free);
  g_clear_pointer (&day->own, g_ptr_array_unref);
  g_clear_pointer (&day->slots, g_ptr_array_unref);
}

void
lh_week_day_clear (LhWeekDay *day)
{
  g_cancellable_cancel (day->cancellable);
  g_clear_object (&day->cancellable);
  lh_week_day_forget_answer (day);
  g_clear_pointer (&day->day, g_date_time_unref);
  g_clear_pointer (&day->date, g_free);
  day->state = LH_WEEK_DAY_PAST;
}

void
lh_week_day_take_answer (LhWeekDay      *day,
                         LhAvailability *availability,
                         int             slot_minutes)
{
  lh_week_day_forget_answer (day);
  day->own = lh_slots_own (availability);
  day->slots = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < availability->resources->len; i++)
    {
      LhResourceDay *resource = g_ptr_array_index (availability->resources, i);

      if (g_strcmp0 (resource->kind, "pc") == 0)
        g_ptr_array_add (day->slots, lh_slots_for_resource (resource, availability->now, slot_minutes,
                                                            availability->max_minutes, day->own));
    }
  day->availability = availability;
  day->state = LH_WEEK_DAY_SHOWN;
}

/* ---- the grid ---------------------------------------------------------- */

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* Narrow by nature, so that the days share the width evenly and a
   * long reason for a closure wraps instead of widening its day. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 6);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
day_header_new (GDateTime *day,
                GDateTime *now)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autofree char *name = NULL;
  /* Translators: the date under a day's name, e.g. "24 Nov" */
  g_autofree char *date = g_date_time_format (day, _("%-d %b"));

  /* Translators: a short weekday name, as a g_date_time_format() pattern */
  name = lh_same_day (day, now) ? g_strdup (_("Today")) : g_date_time_format (day, _("%a"));
  gtk_box_append (GTK_BOX (box), label_new (name, "lh-day-name"));
  gtk_box_append (GTK_BOX (box), label_new (date, "lh-day-date"));
  gtk_widget_add_css_class (box, "lh-week-day");
  if (lh_same_day (day, now))
    gtk_widget_add_css_class (box, "lh-week-today");
  return box;
}

/* What a day without cells says instead, in words. */
static GtkWidget *
day_note_new (const LhWeekDay *day)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gboolean open = FALSE;

  gtk_widget_add_css_class (box, "lh-week-note");
  gtk_widget_set_valign (box, GTK_ALIGN_START);
  switch (day->state)
    {
    case LH_WEEK_DAY_PAST:
      gtk_box_append (GTK_BOX (box), label_new (_("Already past"), "lh-week-note-title"));
      break;
    case LH_WEEK_DAY_NOT_YET:
      gtk_box_append (GTK_BOX (box), label_new (_("Not open for booking yet"), "lh-week-note-title"));
      break;
    case LH_WEEK_DAY_SHOWN:
      for (guint i = 0; i < day->availability->resources->len; i++)
        {
          LhResourceDay *resource = g_ptr_array_index (day->availability->resources, i);

          open |= g_strcmp0 (resource->kind, "pc") == 0 && resource->open->len > 0;
        }
      if (day->availability->closed != NULL || !open)
        {
          gtk_box_append (GTK_BOX (box), label_new (_("Closed"), "lh-week-note-title"));
          if (day->availability->closed != NULL)
            gtk_box_append (GTK_BOX (box), label_new (day->availability->closed, "lh-week-note-reason"));
        }
      else
        gtk_box_append (GTK_BOX (box), label_new (_("No times left"), "lh-week-note-title"));
      break;
    case LH_WEEK_DAY_LOADING:
    case LH_WEEK_DAY_FAILED:
    default:
      break;
    }
  return box;
}

/* One day's hour: the first free PC then, or why there is none. */
static GtkWidget *
cell_new (const LhWeekDay *day,
          guint            index,
          int              hour,
          GCallback        clicked,
          gpointer         user_data)
{
  const LhSlot *first = NULL;
  const LhSlot *first_free = NULL;
  const LhSlot *clash = NULL;
  gboolean mine = FALSE;
  guint n_free = 0;
  g_autofree char *text = NULL;
  g_autofree char *day_long = NULL;
  g_autofree char *from = NULL;
  g_autofree char *to = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *button;

  for (guint i = 0; i < day->slots->len; i++)
    {
      GPtrArray *slots = g_ptr_array_index (day->slots, i);

      for (guint j = 0; j < slots->len; j++)
        {
          const LhSlot *slot = g_ptr_array_index (slots, j);

          if (g_date_time_get_hour (slot->start) != hour)
            continue;
          if (first == NULL)
            first = slot;
          mine |= slot->state == LH_SLOT_MINE;
          if (slot->state == LH_SLOT_CLASH && clash == NULL)
            clash = slot;
          if (slot->state == LH_SLOT_FREE && n_free++ == 0)
            first_free = slot;
        }
    }
  if (first == NULL)
    return NULL;

  button = gtk_button_new ();
  if (mine)
    {
      text = g_strdup (_("Yours"));
      gtk_widget_add_css_class (button, "lh-slot-mine");
    }
  else if (first_free != NULL)
    {
      /* Translators: how many PCs are free at an hour, in a cell of the week */
      text = g_strdup_printf (ngettext ("%u free", "%u free", n_free), n_free);
      gtk_widget_add_css_class (button, "lh-slot-free");
      g_object_set_data (G_OBJECT (button), "lh-slot", (gpointer) first_free);
      g_object_set_data (G_OBJECT (button), "lh-day", GUINT_TO_POINTER (index));
      g_signal_connect (button, "clicked", clicked, user_data);
    }
  else if (clash != NULL)
    {
      /* Translators: on a slot when the person has another PC then, "On PC 4" */
      text = g_strdup_printf (_("On %s"), clash->clash_with);
      gtk_widget_add_css_class (button, "lh-slot-clash");
    }
  else
    {
      /* Translators: every PC is taken at that hour */
      text = g_strdup (_("Full"));
      gtk_widget_add_css_class (button, "lh-slot-taken");
    }
  gtk_widget_set_sensitive (button, first_free != NULL && !mine);
  gtk_button_set_child (GTK_BUTTON (button), label_new (text, "lh-week-cell-label"));
  gtk_widget_add_css_class (button, "lh-week-cell");

  first = first_free != NULL ? first_free : first;
  day_long = lh_format_day_long (day->day);
  from = lh_format_clock (first->start);
  to = lh_format_clock (first->end);
  /* Translators: what a screen reader says for a cell of the week:
   * "Tuesday 24 November, 10:00 to 11:00, 3 free" */
  accessible = g_strdup_printf (_("%s, %s to %s, %s"), day_long, from, to, text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  return button;
}

void
lh_week_grid_clear (GtkGrid *grid)
{
  GtkWidget *child;

  g_return_if_fail (GTK_IS_GRID (grid));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

void
lh_week_grid_fill (GtkGrid         *grid,
                   const LhWeekDay *week,
                   guint            n_days,
                   GDateTime       *now,
                   GCallback        clicked,
                   gpointer         user_data)
{
  g_autoptr(GtkSizeGroup) days = gtk_size_group_new (GTK_SIZE_GROUP_HORIZONTAL);
  g_autofree gboolean *has_cells = g_new0 (gboolean, n_days);
  gboolean hours[24] = { FALSE };
  int rows[24];
  int n_rows = 0;

  g_return_if_fail (GTK_IS_GRID (grid));
  g_return_if_fail (week != NULL && now != NULL);

  lh_week_grid_clear (grid);

  for (guint d = 0; d < n_days; d++)
    for (guint i = 0; week[d].state == LH_WEEK_DAY_SHOWN && i < week[d].slots->len; i++)
      {
        GPtrArray *slots = g_ptr_array_index (week[d].slots, i);

        for (guint j = 0; j < slots->len; j++)
          {
            hours[g_date_time_get_hour (((LhSlot *) g_ptr_array_index (slots, j))->start)] = TRUE;
            has_cells[d] = TRUE;
          }
      }
  for (int hour = 0; hour < 24; hour++)
    {
      rows[hour] = hours[hour] ? ++n_rows : 0;
      if (hours[hour])
        {
          g_autoptr(GDateTime) at = g_date_time_new (g_date_time_get_timezone (now), 2000, 1, 1, hour, 0, 0);
          g_autofree char *clock = lh_format_clock (at);
          GtkWidget *label = label_new (clock, "lh-week-hour");

          gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
          gtk_grid_attach (grid, label, 0, rows[hour], 1, 1);
        }
    }

  for (guint d = 0; d < n_days; d++)
    {
      GtkWidget *header = day_header_new (week[d].day, now);

      /* Every day as wide as the widest, whatever it holds. */
      gtk_size_group_add_widget (days, header);
      gtk_widget_set_hexpand (header, TRUE);
      gtk_grid_attach (grid, header, (int) d + 1, 0, 1, 1);
      if (!has_cells[d])
        {
          GtkWidget *note = day_note_new (&week[d]);

          gtk_size_group_add_widget (days, note);
          gtk_grid_attach (grid, note, (int) d + 1, 1, 1, MAX (n_rows, 1));
          continue;
        }
      for (int hour = 0; hour < 24; hour++)
        {
          GtkWidget *cell = hours[hour] ? cell_new (&week[d], d, hour, clicked, user_data) : NULL;

          if (cell == NULL)
            continue;
          gtk_size_group_add_widget (days, cell);
          gtk_grid_attach (grid, cell, (int) d + 1, rows[hour], 1, 1);
        }
    }
}
