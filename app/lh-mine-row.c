/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-mine-row"

#include "lh-mine-row.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-mine-words.h"
#include "lh-time-off-words.h"

#define ITEM_KEY   "lh-mine-item"    /* (owned) LhMineItem, on the row */
#define BUTTON_KEY "lh-mine-button"  /* (unowned) GtkButton, on the row */

const char *
lh_mine_row_icon_name (const LhMineItem *item)
{
  g_return_val_if_fail (item != NULL, NULL);

  switch (item->kind)
    {
    case LH_MINE_BOOKING:
      return g_strcmp0 (item->booking->resource_kind, "pc") == 0 ? "computer-symbolic"
                                                                 : "x-office-calendar-symbolic";
    case LH_MINE_GROUP_PLACE:
    case LH_MINE_WAITING:
      return "system-users-symbolic";
    case LH_MINE_ASSESSMENT:
    default:
      return "document-edit-symbolic";
    }
}

/* An icon before the state, so that it does not rest on colour. */
static const char *
state_icon (const LhMineItem *item,
            GDateTime        *now)
{
  if (lh_mine_state_is_urgent (item, now))
    return "dialog-warning-symbolic";
  switch (item->kind)
    {
    case LH_MINE_BOOKING:
      return item->booking->walk_up || item->booking->checked_in_at != NULL ? "emblem-ok-symbolic" : NULL;
    case LH_MINE_GROUP_PLACE:
    case LH_MINE_ASSESSMENT:
      return "emblem-ok-symbolic";
    case LH_MINE_WAITING:
    default:
      return "content-loading-symbolic";
    }
}

/* Decoration: the words next to it say the same. */
static GtkWidget *
image_new (const char *icon_name,
           int         pixel_size)
{
  return g_object_new (GTK_TYPE_IMAGE,
                       "icon-name", icon_name,
                       "pixel-size", pixel_size,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_PRESENTATION,
                       NULL);
}

GtkWidget *
lh_mine_row_new (const LhMineItem *item,
                 GDateTime        *now,
                 int               hold_minutes,
                 int               early_minutes)
{
  GtkWidget *row, *box, *icon, *text, *state_box, *label;
  g_autofree char *title = NULL;
  g_autofree char *state = NULL;
  g_autofree char *action = NULL;
  g_autofree char *time_off = NULL;
  const char *state_icon_name;

  g_return_val_if_fail (item != NULL && now != NULL, NULL);

  title = lh_mine_format_title (item, now);
  state = lh_mine_format_state (item, now, hold_minutes, early_minutes);
  action = lh_mine_format_action (item);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_add_css_class (row, "lh-mine-row");
  g_object_set_data_full (G_OBJECT (row), ITEM_KEY, lh_mine_item_copy (item),
                          (GDestroyNotify) lh_mine_item_free);

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 18);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* A screen reader moving row by row hears what each one is. */
  {
    g_autofree char *spoken = g_strdup_printf (C_("a booking's row: its title and its state", "%s, %s"), title, state);

    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  }

  icon = image_new (lh_mine_row_icon_name (item), 40);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (icon, "lh-mine-icon");
  gtk_box_append (GTK_BOX (box), icon);

  text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_hexpand (text, TRUE);
  gtk_widget_set_valign (text, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (text), lh_card_label_new (title, "lh-mine-title"));

  state_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  state_icon_name = state_icon (item, now);
  if (state_icon_name != NULL)
    {
      GtkWidget *image = image_new (state_icon_name, 24);

      gtk_widget_set_valign (image, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (state_box), image);
    }
  label = lh_card_label_new (state, "lh-mine-state");
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (state_box), label);
  if (lh_mine_state_is_urgent (item, now))
    gtk_widget_add_css_class (state_box, "lh-mine-urgent");
  gtk_box_append (GTK_BOX (text), state_box);

  /* "Work time (paid) · waiting for approval", or "Own time". */
  time_off = item->time_off ? lh_time_off_format_state (item->time_off) : NULL;
  if (time_off != NULL)
    {
      GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
      GtkWidget *image = image_new (lh_time_off_state_icon (item->time_off), 24);

      gtk_widget_set_valign (image, GTK_ALIGN_START);
      gtk_box_append (GTK_BOX (line), image);
      gtk_box_append (GTK_BOX (line), lh_card_label_new (time_off, "lh-mine-time-off"));
      gtk_box_append (GTK_BOX (text), line);
    }
  gtk_box_append (GTK_BOX (box), text);

  if (action != NULL)
    {
      GtkWidget *button = gtk_button_new_with_label (action);
      g_autofree char *accessible = lh_mine_format_action_a11y (item, now);

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "lh-row-button");
      gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      gtk_box_append (GTK_BOX (box), button);
      g_object_set_data (G_OBJECT (row), BUTTON_KEY, button);
    }
  return row;
}

const LhMineItem *
lh_mine_row_get_item (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), NULL);

  return g_object_get_data (G_OBJECT (row), ITEM_KEY);
}

GtkButton *
lh_mine_row_get_button (GtkWidget *row)
{
  g_return_val_if_fail (GTK_IS_LIST_BOX_ROW (row), NULL);

  return g_object_get_data (G_OBJECT (row), BUTTON_KEY);
}
