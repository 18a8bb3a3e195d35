/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-language-button"

#include "lh-language-button.h"

#include <glib/gi18n.h>

#include "lh-language.h"
#include "lh-relabel.h"

struct _LhLanguageButton
{
  GtkWidget  parent_instance;

  GtkWidget *box;  /* (owned) */
};

G_DEFINE_FINAL_TYPE (LhLanguageButton, lh_language_button, GTK_TYPE_WIDGET)

static void
lh_language_button_dispose (GObject *object)
{
  LhLanguageButton *self = LH_LANGUAGE_BUTTON (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);

  G_OBJECT_CLASS (lh_language_button_parent_class)->dispose (object);
}

static void
lh_language_button_class_init (LhLanguageButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lh_language_button_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lh-language-button");
}

static void
lh_language_button_init (LhLanguageButton *self)
{
  guint n;
  const LhLanguage *languages = lh_language_list (&n);
  GtkWidget *icon = gtk_image_new_from_icon_name ("preferences-desktop-locale-symbolic");

  self->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (self->box, GTK_ALIGN_CENTER);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Language"), -1);
  gtk_box_append (GTK_BOX (self->box), icon);
  gtk_widget_set_valign (icon, GTK_ALIGN_CENTER);
  gtk_image_set_pixel_size (GTK_IMAGE (icon), 32);
  for (guint i = 0; i < n; i++)
    {
      /* Named in itself, whatever the kiosk speaks now: not translated. */
      GtkWidget *button = gtk_toggle_button_new_with_label (languages[i].endonym);

      gtk_widget_set_name (button, languages[i].code);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "kiosk.language");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", languages[i].code);
      gtk_widget_add_css_class (button, "lh-language");
      gtk_widget_set_size_request (button, 120, 56);
      /* "English" is a msgid too: each name stays in its own language. */
      lh_relabel_skip (button);
      gtk_box_append (GTK_BOX (self->box), button);
    }
}
