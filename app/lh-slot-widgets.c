/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-slot-widgets"

#include "lh-slot-widgets.h"

#include <glib/gi18n.h>

#include "lh-offline-words.h"
#include "lh-time-format.h"

void
lh_remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (parent))
        gtk_flow_box_remove (GTK_FLOW_BOX (parent), child);
      else
        gtk_box_remove (GTK_BOX (parent), child);
    }
}

/* A flow box child takes the focus by default; the button in it should.
 * The flow box moves Tab on to its next sensitive child, and stops
 * there if that child's button is greyed out: the child follows its
 * button, so Tab passes a booked slot by. */
void
lh_flow_box_append (GtkFlowBox *box,
                    GtkWidget  *child)
{
  gtk_flow_box_append (box, child);
  gtk_widget_set_focusable (gtk_widget_get_parent (child), FALSE);
  g_object_bind_property (child, "sensitive", gtk_widget_get_parent (child), "sensitive", G_BINDING_SYNC_CREATE);
}

GtkWidget *
lh_slot_button_new (const LhSlot *slot,
                    gboolean      with_name)
{
  g_autofree char *from = lh_format_clock (slot->start);
  g_autofree char *to = lh_format_clock (slot->end);
  g_autofree char *when = NULL;
  g_autofree char *accessible = NULL;
  g_autofree char *clash = NULL;
  const char *state;
  /* The screen reader's words, where the button's are short. */
  const char *state_spoken = NULL;
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top;
  GtkWidget *bottom;

  switch (slot->state)
    {
    case LH_SLOT_FREE:
      state = _("Free");
      gtk_widget_add_css_class (button, "lh-slot-free");
      break;
    case LH_SLOT_MINE:
      state = _("Yours");
      gtk_widget_add_css_class (button, "lh-slot-mine");
      break;
    case LH_SLOT_CLASH:
      /* Translators: on a slot when the person has another PC then, "On PC 4" */
      clash = g_strdup_printf (_("On %s"), slot->clash_with);
      state = clash;
      gtk_widget_add_css_class (button, "lh-slot-clash");
      break;
    case LH_SLOT_OUT_OF_ORDER:
      /* Translators: on the slot going on now of a PC with a fault; the
       * words beside the PC's name say "Out of order just now" */
      state = _("Out of order");
      state_spoken = _("Out of order just now");
      gtk_widget_add_css_class (button, "lh-slot-out-of-order");
      break;
    case LH_SLOT_OFFLINE:
      /* Translators: on the slot going on now of a PC whose kiosk is
       * silent; beside the PC's name, "Not answering just now" */
      state = _("Not answering");
      state_spoken = _("Not answering just now");
      gtk_widget_add_css_class (button, "lh-slot-out-of-order");
      break;
    case LH_SLOT_IN_USE:
      /* Translators: on the slot going on now of a PC someone sits at */
      state = _("In use now");
      gtk_widget_add_css_class (button, "lh-slot-in-use");
      break;
    case LH_SLOT_TAKEN:
    default:
      state = _("Taken");
      gtk_widget_add_css_class (button, "lh-slot-taken");
      break;
    }

  /* Translators: a time range, "10:00 to 11:00" */
  when = g_strdup_printf (_("%s to %s"), from, to);
  if (with_name)
    {
      top = gtk_label_new (slot->resource_name);
      bottom = gtk_label_new (when);
    }
  else
    {
      top = gtk_label_new (from);
      bottom = gtk_label_new (state);
    }
  gtk_widget_add_css_class (top, "lh-slot-top");
  gtk_widget_add_css_class (bottom, "lh-slot-bottom");
  gtk_box_append (GTK_BOX (box), top);
  gtk_box_append (GTK_BOX (box), bottom);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, with_name ? "lh-soonest" : "lh-slot");
  gtk_widget_set_sensitive (button, slot->state == LH_SLOT_FREE);

  /* Translators: what a screen reader says for a slot: "PC 4, 10:00 to 11:00, Free" */
  accessible = g_strdup_printf (_("%s, %s, %s"), slot->resource_name, when,
                                state_spoken != NULL ? state_spoken : state);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  g_object_set_data (G_OBJECT (button), "lh-slot", (gpointer) slot);
  return button;
}

/* "Out of order just now", "Not answering just now" or "In use now" with
 * an icon, under the name. */
static GtkWidget *
pc_now_label_new (LhPcNow pc_now)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *icon;
  GtkWidget *label;

  if (pc_now == LH_PC_NOW_OUT_OF_ORDER)
    {
      icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "action-unavailable-symbolic",
                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
      label = gtk_label_new (_("Out of order just now"));
      gtk_widget_add_css_class (box, "lh-pc-out-of-order");
    }
  else if (pc_now == LH_PC_NOW_OFFLINE)
    {
      icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "network-offline-symbolic",
                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
      label = gtk_label_new (_("Not answering just now"));
      gtk_widget_add_css_class (box, "lh-pc-out-of-order");
    }
  else
    {
      icon = g_object_new (GTK_TYPE_IMAGE, "icon-name", "avatar-default-symbolic",
                           "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION, NULL);
      label = gtk_label_new (_("In use now"));
      gtk_widget_add_css_class (box, "lh-pc-in-use");
    }
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  /* The name column stays narrow: the words wrap instead. */
  gtk_label_set_max_width_chars (GTK_LABEL (label), 14);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_add_css_class (box, "lh-pc-now");
  return box;
}

static gboolean
any_free (GPtrArray *slots)
{
  for (guint i = 0; i < slots->len; i++)
    if (((LhSlot *) g_ptr_array_index (slots, i))->state == LH_SLOT_FREE)
      return TRUE;
  return FALSE;
}

GtkWidget *
lh_resource_row_new (const LhResourceDay *resource,
                     GPtrArray           *slots,
                     GDateTime           *now,
                     GCallback            clicked,
                     gpointer             user_data)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *about = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *times = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *name = gtk_label_new (resource->name);
  LhPcNow pc_now = resource->now;
  g_autofree char *offline_note = lh_format_offline_note (resource, now);
  GtkWidget *flow;

  gtk_widget_add_css_class (row, "lh-resource-row");
  gtk_widget_add_css_class (about, "lh-resource-about");
  gtk_widget_add_css_class (name, "lh-resource-name");
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_widget_set_valign (about, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (about), name);
  if (pc_now != LH_PC_NOW_USUAL)
    gtk_box_append (GTK_BOX (about), pc_now_label_new (pc_now));
  gtk_box_append (GTK_BOX (row), about);
  gtk_widget_set_hexpand (times, TRUE);
  gtk_box_append (GTK_BOX (row), times);

  /* A PC that is off may well be back by then: what to expect, on any
   * day it can still be booked. */
  if (offline_note != NULL && any_free (slots))
    {
      GtkWidget *later = gtk_label_new (offline_note);

      gtk_label_set_xalign (GTK_LABEL (later), 0);
      gtk_label_set_wrap (GTK_LABEL (later), TRUE);
      gtk_widget_add_css_class (later, "lh-resource-later");
      gtk_box_append (GTK_BOX (times), later);
    }

  if (slots->len == 0)
    {
      GtkWidget *none = gtk_label_new (resource->open->len == 0 ? _("Closed on this day.")
                                                                : _("No times left on this day."));

      gtk_label_set_xalign (GTK_LABEL (none), 0);
      gtk_label_set_wrap (GTK_LABEL (none), TRUE);
      gtk_widget_add_css_class (none, "lh-resource-none");
      gtk_box_append (GTK_BOX (times), none);
      return row;
    }

  flow = gtk_flow_box_new ();
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 3);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 12);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 8);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 8);
  gtk_widget_set_hexpand (flow, TRUE);
  gtk_widget_add_css_class (flow, "lh-flow");
  for (guint i = 0; i < slots->len; i++)
    {
      GtkWidget *button = lh_slot_button_new (g_ptr_array_index (slots, i), FALSE);

      g_signal_connect (button, "clicked", clicked, user_data);
      lh_flow_box_append (GTK_FLOW_BOX (flow), button);
    }
  gtk_box_append (GTK_BOX (times), flow);
  return row;
}

GtkWidget *
lh_day_button_new (GDateTime *day,
                   GDateTime *now)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  /* The weekday abbreviated ("czw."): a full one ("poniedziałek") makes
   * the row wrap, and large text break it mid-word. Read out in full. */
  g_autofree char *name = lh_format_day_name (day, now);
  g_autofree char *shown = lh_format_day_name_short (day, now);
  /* Translators: the date under a day's name, e.g. "24 Nov" */
  g_autofree char *date = g_date_time_format (day, _("%-d %b"));
  GtkWidget *label;

  label = gtk_label_new (shown);
  gtk_widget_add_css_class (label, "lh-day-name");
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (date);
  gtk_widget_add_css_class (label, "lh-day-date");
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "lh-day");
  /* "Tomorrow, Friday 22 January": the words shown, then the whole date. */
  {
    g_autofree char *long_day = lh_format_day_long (day);
    g_autofree char *spoken = g_str_has_prefix (long_day, name)
                              ? g_strdup (long_day)
                              : g_strdup_printf (C_("a day button: its name, then its date", "%s, %s"), name, long_day);

    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  }
  return button;
}

GtkWidget *
lh_week_button_new (void)
{
  GtkWidget *button = gtk_toggle_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;

  label = gtk_label_new (_("All week"));
  gtk_widget_add_css_class (label, "lh-day-name");
  gtk_box_append (GTK_BOX (box), label);
  label = gtk_label_new (_("Mon to Sun"));
  gtk_widget_add_css_class (label, "lh-day-date");
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "lh-day");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("All week, Monday to Sunday"),
                                  -1);
  return button;
}
