/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-welcome-page"

#include "lh-welcome-page.h"

#include "lh-language-button.h"

struct _LhWelcomePage
{
  AdwBin     parent_instance;

  /* template children (unowned) */
  GtkWidget *start_button;
  GtkWidget *large_text_button;
  GtkWidget *high_contrast_button;
  GtkWidget *pc_box;
  GtkLabel  *pc_label;
  GtkLabel  *reserved_label;
};

G_DEFINE_FINAL_TYPE (LhWelcomePage, lh_welcome_page, ADW_TYPE_BIN)

/* A pressed toggle also shows a ticked box, so its state is not told by
 * colour alone. */
static void
toggle_changed_cb (GtkToggleButton *button,
                   GParamSpec      *pspec,
                   gpointer         user_data)
{
  GtkWidget *content = gtk_button_get_child (GTK_BUTTON (button));
  gboolean active = gtk_toggle_button_get_active (button);

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content),
                                    active ? "checkbox-checked-symbolic" : "checkbox-symbolic");
}

static void
lh_welcome_page_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), LH_TYPE_WELCOME_PAGE);

  G_OBJECT_CLASS (lh_welcome_page_parent_class)->dispose (object);
}

static void
lh_welcome_page_class_init (LhWelcomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lh_welcome_page_dispose;
  g_type_ensure (LH_TYPE_LANGUAGE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/learnhub/Kiosk/lh-welcome-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LhWelcomePage, start_button);
  gtk_widget_class_bind_template_child (widget_class, LhWelcomePage, large_text_button);
  gtk_widget_class_bind_template_child (widget_class, LhWelcomePage, high_contrast_button);
  gtk_widget_class_bind_template_child (widget_class, LhWelcomePage, pc_box);
  gtk_widget_class_bind_template_child (widget_class, LhWelcomePage, pc_label);
  gtk_widget_class_bind_template_child (widget_class, LhWelcomePage, reserved_label);
  gtk_widget_class_bind_template_callback (widget_class, toggle_changed_cb);
}

static void
lh_welcome_page_init (LhWelcomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

void
lh_welcome_page_set_pc (LhWelcomePage *self,
                        const char    *pc_name,
                        const char    *reserved)
{
  g_return_if_fail (LH_IS_WELCOME_PAGE (self));

  gtk_widget_set_visible (self->pc_box, pc_name != NULL);
  gtk_label_set_label (self->pc_label, pc_name ? pc_name : "");
  gtk_label_set_label (self->reserved_label, reserved ? reserved : "");
  gtk_widget_set_visible (GTK_WIDGET (self->reserved_label), pc_name != NULL && reserved != NULL);
}
