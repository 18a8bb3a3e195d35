/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-day-picker"

#include "lh-day-picker.h"

#include "lh-slot-widgets.h"
#include "lh-time-format.h"

#define DAY_KEY "lh-day-picker-day"  /* (owned) GDateTime, on each button */

struct _LhDayPicker
{
  AdwBin      parent_instance;

  GDateTime  *day;   /* (owned) (nullable) the one chosen */
  GtkFlowBox *flow;  /* (unowned) */
};

G_DEFINE_FINAL_TYPE (LhDayPicker, lh_day_picker, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DAY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_day (LhDayPicker *self,
         GDateTime   *day)
{
  if (self->day == day || (self->day != NULL && day != NULL && g_date_time_equal (self->day, day)))
    return;
  g_clear_pointer (&self->day, g_date_time_unref);
  self->day = day ? g_date_time_ref (day) : NULL;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

static void
toggled_cb (GtkToggleButton *button,
            LhDayPicker     *self)
{
  if (gtk_toggle_button_get_active (button))
    set_day (self, g_object_get_data (G_OBJECT (button), DAY_KEY));
}

static void
lh_day_picker_dispose (GObject *object)
{
  LhDayPicker *self = LH_DAY_PICKER (object);

  g_clear_pointer (&self->day, g_date_time_unref);

  G_OBJECT_CLASS (lh_day_picker_parent_class)->dispose (object);
}

static void
lh_day_picker_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_boxed (value, LH_DAY_PICKER (object)->day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lh_day_picker_class_init (LhDayPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lh_day_picker_dispose;
  object_class->get_property = lh_day_picker_get_property;

  properties[PROP_DAY] =
    g_param_spec_boxed ("day", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lh_day_picker_init (LhDayPicker *self)
{
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 4);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 7);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 10);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 10);
  gtk_widget_add_css_class (flow, "lh-flow");
  self->flow = GTK_FLOW_BOX (flow);
  adw_bin_set_child (ADW_BIN (self), flow);
}

GtkWidget *
lh_day_picker_new (void)
{
  return g_object_new (LH_TYPE_DAY_PICKER, NULL);
}

void
lh_day_picker_set_days (LhDayPicker *self,
                        GDateTime   *now,
                        guint        n_days)
{
  GtkToggleButton *group = NULL;

  g_return_if_fail (LH_IS_DAY_PICKER (self));
  g_return_if_fail (now != NULL);

  lh_remove_children (GTK_WIDGET (self->flow));
  set_day (self, NULL);
  for (guint i = 0; i < n_days; i++)
    {
      g_autoptr(GDateTime) day = lh_day_start (now, (int) i);
      GtkWidget *button = lh_day_button_new (day, now);

      g_object_set_data_full (G_OBJECT (button), DAY_KEY, g_date_time_ref (day),
                              (GDestroyNotify) g_date_time_unref);
      if (group != NULL)
        gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), group);
      else
        group = GTK_TOGGLE_BUTTON (button);
      g_signal_connect (button, "toggled", G_CALLBACK (toggled_cb), self);
      lh_flow_box_append (self->flow, button);
    }
}

GDateTime *
lh_day_picker_get_day (LhDayPicker *self)
{
  g_return_val_if_fail (LH_IS_DAY_PICKER (self), NULL);

  return self->day;
}

GDateTime *
lh_day_picker_get_time (LhDayPicker *self,
                        int          minutes)
{
  g_return_val_if_fail (LH_IS_DAY_PICKER (self), NULL);

  if (self->day == NULL)
    return NULL;
  /* The wall clock, not minutes after midnight: a day may have 23 hours. */
  return g_date_time_new (g_date_time_get_timezone (self->day), g_date_time_get_year (self->day),
                          g_date_time_get_month (self->day), g_date_time_get_day_of_month (self->day),
                          minutes / 60, minutes % 60, 0);
}

void
lh_day_picker_choose (LhDayPicker *self,
                      guint        index)
{
  GtkFlowBoxChild *child;

  g_return_if_fail (LH_IS_DAY_PICKER (self));

  child = gtk_flow_box_get_child_at_index (self->flow, (int) index);
  if (child != NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_flow_box_child_get_child (child)), TRUE);
}
