/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-guest-page"

#include "lh-guest-page.h"

#include <glib/gi18n.h>

#include "lh-messages.h"
#include "lh-refusal-words.h"
#include "lh-why-disabled.h"

struct _LhGuestPage
{
  LhPage        parent_instance;

  GCancellable *cancellable;  /* (owned) (nullable) while registering */
  char         *name;         /* (owned) (nullable) the name being confirmed */

  /* template children (unowned) */
  GtkEditable  *name_entry;
  GtkWidget    *next_button;
  GtkWidget    *next_why_label;
  GtkLabel     *limit_label;
  GtkLabel     *done_title_label;
  GtkLabel     *number_label;
  GtkLabel     *pin_label;
  GtkWidget    *done_button;
};

G_DEFINE_FINAL_TYPE (LhGuestPage, lh_guest_page, LH_TYPE_PAGE)

/* ---- the number and PIN ----------------------------------------------- */

/* "5 9 0 3 7 1": a screen reader reads a code digit by digit, not as
 * "five hundred and ninety thousand…". */
static char *
spell_out (const char *code)
{
  g_autoptr(GString) spelled = g_string_new (NULL);

  for (const char *c = code; *c != '\0'; c = g_utf8_next_char (c))
    {
      if (spelled->len > 0)
        g_string_append_c (spelled, ' ');
      g_string_append_unichar (spelled, g_utf8_get_char (c));
    }
  return g_string_free (g_steal_pointer (&spelled), FALSE);
}

static void
show_code (GtkLabel   *label,
           const char *code)
{
  g_autofree char *spelled = spell_out (code);

  gtk_label_set_label (label, code);
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, spelled,
                                  -1);
}

/* Forgets what was shown once: the labels, what a screen reader would
 * read, and the name. */
static void
forget_guest (LhGuestPage *self)
{
  if (self->pin_label == NULL)
    return;
  gtk_label_set_label (self->number_label, "");
  gtk_label_set_label (self->pin_label, "");
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->number_label), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_accessible_reset_property (GTK_ACCESSIBLE (self->pin_label), GTK_ACCESSIBLE_PROPERTY_LABEL);
  gtk_label_set_label (self->done_title_label, "");
}

/* ---- the form --------------------------------------------------------- */

/* The name as it will be sent: trimmed (transfer full), or NULL if empty. */
static char *
typed_name (LhGuestPage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (self->name_entry)));

  return name[0] != '\0' ? g_steal_pointer (&name) : NULL;
}

static void
update_next (LhGuestPage *self)
{
  g_autofree char *name = typed_name (self);

  lh_why_disabled_set (self->next_button, self->next_why_label,
                       name != NULL ? NULL : _("Type their name first"));
}

static void
name_changed_cb (LhGuestPage *self,
                 GtkEditable *entry)
{
  update_next (self);
  lh_page_show_message (LH_PAGE (self), NULL);
}

static void
clear_clicked_cb (LhGuestPage *self,
                  GtkButton   *button)
{
  gtk_editable_set_text (self->name_entry, "");
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

/* Back to the form, the name kept, with what went wrong (nullable). */
static void
back_to_form (LhGuestPage *self,
              const char  *message)
{
  g_clear_pointer (&self->name, g_free);
  lh_page_set_view (LH_PAGE (self), "form");
  lh_page_show_message (LH_PAGE (self), message);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
next_clicked_cb (LhGuestPage *self,
                 GtkWidget   *widget)
{
  g_autofree char *name = typed_name (self);

  if (name == NULL || self->cancellable != NULL || !lh_page_view_is (LH_PAGE (self), "form"))
    return;

  g_free (self->name);
  self->name = g_steal_pointer (&name);
  lh_page_show_confirm (LH_PAGE (self), self->name, FALSE);
}

/* ---- registering ------------------------------------------------------ */

static void
register_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  LhGuestPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhGuest) guest = NULL;
  g_autofree char *message = NULL;

  guest = lh_client_register_guest_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_GUEST_PAGE (user_data);
  g_clear_object (&self->cancellable);
  lh_page_end_confirm (LH_PAGE (self));

  if (guest != NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is the guest's name */
      title = g_strdup_printf (_("%s is now your guest"), guest->name);
      gtk_label_set_label (self->done_title_label, title);
      show_code (self->number_label, guest->staff_number);
      show_code (self->pin_label, guest->pin);
      g_clear_pointer (&self->name, g_free);
      gtk_editable_set_text (self->name_entry, "");
      lh_page_set_view (LH_PAGE (self), "done");
      gtk_widget_grab_focus (self->done_button);
      return;
    }

  g_debug ("Registering a guest failed: %s", error->message);
  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return;  /* the window signs out and says so */
  /* The daemon's reason and its numbers say why (lh-refusal-words.c). */
  if ((message = lh_refusal_words (error)) != NULL)
    back_to_form (self, message);
  else if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_INVALID))
    back_to_form (self, _("Please type your guest’s name again: first name and family name, up to 100 letters."));
  else if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_FORBIDDEN))
    back_to_form (self, _("Only members of staff can register a guest. A guest cannot bring guests of their own."));
  else
    {
      /* Offline or the daemon in trouble: the same tap can work later. */
      message = lh_message_for_error (error);
      lh_page_show_confirm_error (LH_PAGE (self), message);
    }
}

static void
confirm_clicked_cb (LhGuestPage *self,
                    GtkButton   *button)
{
  /* One request however often the button is pressed, and none from a
   * tap that lands after the answer. */
  if (self->cancellable != NULL || self->name == NULL || !lh_page_can_confirm (LH_PAGE (self)))
    return;

  self->cancellable = g_cancellable_new ();
  lh_page_begin_confirm (LH_PAGE (self));
  lh_client_register_guest_async (lh_page_get_client (LH_PAGE (self)), self->name,
                                  self->cancellable, register_cb, self);
}

static void
confirm_back_clicked_cb (LhGuestPage *self,
                         GtkButton   *button)
{
  lh_guest_page_go_back (self);
}

static void
done_clicked_cb (LhGuestPage *self,
                 GtkButton   *button)
{
  lh_guest_page_reset (self);
  gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.go-home", NULL);
}

/* ---- LhPage ----------------------------------------------------------- */

/* Nothing to load: the form is all there is. */
static void
lh_guest_page_load_page (LhPage *page)
{
  lh_page_set_content (page, "form");
}

static void
lh_guest_page_refresh (LhPage *page)
{
}

/* ---- GObject ---------------------------------------------------------- */

/* Whatever takes the page off the screen (Back, Done, sign-out) takes
 * the number, the PIN and the name with it. Only the words: switching
 * the views of an unmapping stack could leave its transition holding
 * the page; lh_guest_page_start() shows the form again. */
static void
lh_guest_page_unmap (GtkWidget *widget)
{
  LhGuestPage *self = LH_GUEST_PAGE (widget);

  GTK_WIDGET_CLASS (lh_guest_page_parent_class)->unmap (widget);

  forget_guest (self);
  if (self->cancellable == NULL && self->name_entry != NULL)
    {
      g_clear_pointer (&self->name, g_free);
      gtk_editable_set_text (self->name_entry, "");
    }
}

static void
lh_guest_page_dispose (GObject *object)
{
  lh_guest_page_reset (LH_GUEST_PAGE (object));

  G_OBJECT_CLASS (lh_guest_page_parent_class)->dispose (object);
}

static void
lh_guest_page_class_init (LhGuestPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LhPageClass *page_class = LH_PAGE_CLASS (klass);

  object_class->dispose = lh_guest_page_dispose;
  widget_class->unmap = lh_guest_page_unmap;
  page_class->load = lh_guest_page_load_page;
  page_class->refresh = lh_guest_page_refresh;

  lh_page_class_set_template (widget_class, "/org/learnhub/Kiosk/lh-guest-page.ui", TRUE);
  gtk_widget_class_bind_template_child (widget_class, LhGuestPage, name_entry);
  gtk_widget_class_bind_template_child (widget_class, LhGuestPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, LhGuestPage, next_why_label);
  gtk_widget_class_bind_template_child (widget_class, LhGuestPage, limit_label);
  gtk_widget_class_bind_template_child (widget_class, LhGuestPage, done_title_label);
  gtk_widget_class_bind_template_child (widget_class, LhGuestPage, number_label);
  gtk_widget_class_bind_template_child (widget_class, LhGuestPage, pin_label);
  gtk_widget_class_bind_template_child (widget_class, LhGuestPage, done_button);
  gtk_widget_class_bind_template_callback (widget_class, name_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_back_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, done_clicked_cb);
}

static void
lh_guest_page_init (LhGuestPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lh_guest_page_reset (self);
}

/* How many more guests, as sign-in's limits said: the daemon keeps the
 * rule and still refuses one too many. */
static void
show_guests_left (LhGuestPage *self)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));
  LhPerson *person = client != NULL ? lh_client_get_person (client) : NULL;
  int left = person != NULL ? person->limits.guests_left : -1;
  g_autofree char *limit = NULL;

  gtk_widget_set_visible (GTK_WIDGET (self->limit_label), left >= 0);
  if (left < 0)
    return;
  limit = g_strdup_printf (ngettext ("You can register %d more guest.",
                                     "You can register %d more guests.", left),
                           left);
  gtk_label_set_label (self->limit_label, limit);
}

/* ---- API -------------------------------------------------------------- */

void
lh_guest_page_start (LhGuestPage *self)
{
  g_return_if_fail (LH_IS_GUEST_PAGE (self));

  lh_guest_page_reset (self);
  show_guests_left (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

void
lh_guest_page_reset (LhGuestPage *self)
{
  g_return_if_fail (LH_IS_GUEST_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->name, g_free);
  forget_guest (self);
  if (self->name_entry != NULL)
    gtk_editable_set_text (self->name_entry, "");
  lh_page_reset (LH_PAGE (self), "form");
  if (self->name_entry != NULL)
    {
      lh_page_set_content (LH_PAGE (self), "form");
      update_next (self);
    }
}

gboolean
lh_guest_page_go_back (LhGuestPage *self)
{
  g_return_val_if_fail (LH_IS_GUEST_PAGE (self), FALSE);

  if (!lh_page_view_is (LH_PAGE (self), "confirm"))
    {
      /* Leaving: the name, number and PIN are gone at once, not only
       * once the page has faded out. */
      lh_guest_page_reset (self);
      return FALSE;
    }
  /* A request in flight happens anyway: wait for its answer. */
  if (self->cancellable != NULL)
    return TRUE;
  back_to_form (self, NULL);
  return TRUE;
}
