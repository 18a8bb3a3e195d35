/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-stepper"

#include "lh-stepper.h"

#include <glib/gi18n.h>

#include "lh-time-format.h"

#define STEP_MINUTES 15

struct _LhStepper
{
  AdwBin           parent_instance;

  LhStepperKind    kind;
  char            *title;    /* (owned) */
  int              min;
  int              max;
  int              value;
  LhStepperFormat  format;   /* (nullable) for LH_STEPPER_COUNT */

  /* children (unowned) */
  GtkLabel        *value_label;
  GtkWidget       *buttons[4];  /* big less, less, more, big more; (nullable) */
};

G_DEFINE_FINAL_TYPE (LhStepper, lh_stepper, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_VALUE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What each button adds, by kind. */
static int
button_delta (LhStepper *self,
              guint      i)
{
  static const int clock[] = { -60, -STEP_MINUTES, STEP_MINUTES, 60 };

  if (self->kind == LH_STEPPER_COUNT)
    return i < 2 ? -1 : 1;
  return clock[i];
}

static char *
format_value (LhStepper *self)
{
  switch (self->kind)
    {
    case LH_STEPPER_CLOCK:
      return g_strdup_printf ("%02d:%02d", self->value / 60, self->value % 60);
    case LH_STEPPER_DURATION:
      return lh_format_duration (self->value);
    case LH_STEPPER_COUNT:
    default:
      return self->format ? self->format (self->value) : g_strdup_printf ("%d", self->value);
    }
}

static void
update (LhStepper *self)
{
  g_autofree char *text = format_value (self);

  gtk_label_set_label (self->value_label, text);
  for (guint i = 0; i < G_N_ELEMENTS (self->buttons); i++)
    if (self->buttons[i] != NULL)
      {
        int delta = button_delta (self, i);

        gtk_widget_set_sensitive (self->buttons[i], delta < 0 ? self->value > self->min : self->value < self->max);
      }
}

static void
button_clicked_cb (GtkButton *button,
                   LhStepper *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "lh-step"));

  lh_stepper_set_value (self, self->value + button_delta (self, i));
}

/* The button's words, and what a screen reader says for it. */
static void
button_words (LhStepper   *self,
              guint        i,
              const char **text,
              char       **accessible)
{
  switch (self->kind)
    {
    case LH_STEPPER_CLOCK:
      switch (i)
        {
        case 0:
          *text = _("−1 hour");
          /* Translators: "Starts at: 1 hour earlier"; %s is the stepper's title */
          *accessible = g_strdup_printf (_("%s: 1 hour earlier"), self->title);
          break;
        case 1:
          *text = _("−15 min");
          *accessible = g_strdup_printf (_("%s: 15 minutes earlier"), self->title);
          break;
        case 2:
          *text = _("+15 min");
          *accessible = g_strdup_printf (_("%s: 15 minutes later"), self->title);
          break;
        default:
          *text = _("+1 hour");
          *accessible = g_strdup_printf (_("%s: 1 hour later"), self->title);
          break;
        }
      break;
    case LH_STEPPER_DURATION:
      *text = i < 2 ? _("−15 min") : _("+15 min");
      /* Translators: "How long: 15 minutes shorter"; %s is the stepper's title */
      *accessible = g_strdup_printf (i < 2 ? _("%s: 15 minutes shorter") : _("%s: 15 minutes longer"),
                                     self->title);
      break;
    case LH_STEPPER_COUNT:
    default:
      *text = i < 2 ? "−" : "+";
      /* Translators: "Places: one fewer"; %s is the stepper's title */
      *accessible = g_strdup_printf (i < 2 ? _("%s: one fewer") : _("%s: one more"), self->title);
      break;
    }
}

static GtkWidget *
button_new (LhStepper *self,
            guint      i)
{
  const char *text = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *button;

  button_words (self, i, &text, &accessible);
  button = gtk_button_new_with_label (text);
  gtk_widget_add_css_class (button, "lh-step-button");
  if (self->kind == LH_STEPPER_COUNT)
    gtk_widget_add_css_class (button, "lh-step-sign");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  g_object_set_data (G_OBJECT (button), "lh-step", GUINT_TO_POINTER (i));
  g_signal_connect (button, "clicked", G_CALLBACK (button_clicked_cb), self);
  self->buttons[i] = button;
  return button;
}

static void
build (LhStepper *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *title = gtk_label_new (self->title);
  GtkWidget *value = gtk_label_new (NULL);
  gboolean big = self->kind == LH_STEPPER_CLOCK;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "lh-field-title");
  gtk_box_append (GTK_BOX (box), title);

  if (big)
    gtk_box_append (GTK_BOX (row), button_new (self, 0));
  gtk_box_append (GTK_BOX (row), button_new (self, 1));
  gtk_widget_add_css_class (value, "lh-step-value");
  gtk_label_set_width_chars (GTK_LABEL (value), self->kind == LH_STEPPER_CLOCK ? 6 : 10);
  /* A screen reader reads the title with the value. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (value), GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL, -1);
  self->value_label = GTK_LABEL (value);
  gtk_box_append (GTK_BOX (row), value);
  gtk_box_append (GTK_BOX (row), button_new (self, 2));
  if (big)
    gtk_box_append (GTK_BOX (row), button_new (self, 3));
  gtk_box_append (GTK_BOX (box), row);
  gtk_widget_add_css_class (GTK_WIDGET (self), "lh-stepper");
  adw_bin_set_child (ADW_BIN (self), box);
  update (self);
}

static void
lh_stepper_finalize (GObject *object)
{
  LhStepper *self = LH_STEPPER (object);

  g_free (self->title);

  G_OBJECT_CLASS (lh_stepper_parent_class)->finalize (object);
}

static void
lh_stepper_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_VALUE:
      g_value_set_int (value, LH_STEPPER (object)->value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lh_stepper_class_init (LhStepperClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lh_stepper_finalize;
  object_class->get_property = lh_stepper_get_property;

  properties[PROP_VALUE] =
    g_param_spec_int ("value", NULL, NULL, G_MININT, G_MAXINT, 0,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  gtk_widget_class_set_accessible_role (GTK_WIDGET_CLASS (klass), GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lh_stepper_init (LhStepper *self)
{
}

GtkWidget *
lh_stepper_new (LhStepperKind  kind,
                const char    *title,
                int            min,
                int            max,
                int            value)
{
  LhStepper *self;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (min <= max, NULL);

  self = g_object_new (LH_TYPE_STEPPER, NULL);
  self->kind = kind;
  self->title = g_strdup (title);
  self->min = min;
  self->max = max;
  self->value = CLAMP (value, min, max);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  build (self);
  return GTK_WIDGET (self);
}

void
lh_stepper_set_format (LhStepper       *self,
                       LhStepperFormat  format)
{
  g_return_if_fail (LH_IS_STEPPER (self));

  self->format = format;
  update (self);
}

int
lh_stepper_get_value (LhStepper *self)
{
  g_return_val_if_fail (LH_IS_STEPPER (self), 0);

  return self->value;
}

void
lh_stepper_set_value (LhStepper *self,
                      int        value)
{
  g_return_if_fail (LH_IS_STEPPER (self));

  value = CLAMP (value, self->min, self->max);
  if (value == self->value)
    {
      update (self);
      return;
    }
  self->value = value;
  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALUE]);
}

void
lh_stepper_set_range (LhStepper *self,
                      int        min,
                      int        max)
{
  g_return_if_fail (LH_IS_STEPPER (self));
  g_return_if_fail (min <= max);

  self->min = min;
  self->max = max;
  lh_stepper_set_value (self, self->value);
}
