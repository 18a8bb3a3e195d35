/* SPDX-License-Identifier: GPL-3.0-or-later */
/* A person's language, large text and high contrast: the daemon keeps
 * them for the person (sign-in's `settings`, PUT /me/settings); the kiosk
 * applies them at sign-in and goes back to the centre's defaults at
 * sign-out, so the next person never inherits them (issue 15). */
#define G_LOG_DOMAIN "lh-window"

#include "lh-window-private.h"

#include "lh-language.h"
#include "lh-relabel.h"
#include "lh-settings.h"

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  /* Kept on this screen either way; only the next sign-in would miss it. */
  if (!lh_client_save_settings_finish (LH_CLIENT (source), result, &error))
    g_debug ("Saving the person's settings failed: %s", error->message);
}

static void
save (LhWindow *self)
{
  LhSettings settings = { 0 };

  /* Only a language they chose: none keeps the kiosk's, wherever they go. */
  g_strlcpy (settings.language, self->person_language, sizeof settings.language);
  settings.large_text = self->large_text;
  settings.high_contrast = self->high_contrast;
  lh_client_save_settings_async (self->client, &settings, self->cancellable, saved_cb, NULL);
}

/* The language spoken now, everywhere in the window. */
static void
speak (LhWindow   *self,
       const char *code)
{
  GtkStackPage *page;

  if (!lh_language_apply (code))
    return;
  lh_relabel (GTK_WIDGET (self));
  page = gtk_stack_get_page (self->stack, gtk_stack_get_visible_child (self->stack));
  if (page != NULL && gtk_stack_page_get_title (page) != NULL)
    gtk_label_set_label (self->title_label, gtk_stack_page_get_title (page));
  g_object_notify (G_OBJECT (self), "language");
}

void
lh_window_settings_constructed (LhWindow *self)
{
  /* Built in English (lh_window_init): the msgids are the words shown. */
  lh_relabel_note (GTK_WIDGET (self));
  speak (self, lh_language_get_default ());
}

void
lh_window_settings_set_language (LhWindow   *self,
                                 const char *code)
{
  if (!lh_language_known (code))
    return;
  speak (self, code);
  if (!self->applying_settings)
    g_strlcpy (self->person_language, code, sizeof self->person_language);
  lh_window_settings_changed (self, "language");
}

void
lh_window_settings_changed (LhWindow   *self,
                            const char *which)
{
  if (self->applying_settings)
    return;
  if (lh_client_is_signed_in (self->client))
    {
      save (self);
      return;
    }
  /* On the welcome page, just before signing in: theirs once they do. */
  if (g_str_equal (which, "language"))
    self->pending_language = TRUE;
  else if (g_str_equal (which, "large-text"))
    self->pending_large_text = TRUE;
  else if (g_str_equal (which, "high-contrast"))
    self->pending_high_contrast = TRUE;
}

void
lh_window_settings_signed_in (LhWindow *self)
{
  LhPerson *person = lh_client_get_person (self->client);
  gboolean chosen = self->pending_language || self->pending_large_text || self->pending_high_contrast;

  g_return_if_fail (person != NULL);

  self->applying_settings = TRUE;
  if (!self->pending_language)
    {
      g_strlcpy (self->person_language, person->settings.language, sizeof self->person_language);
      speak (self, person->settings.language);
    }
  if (!self->pending_large_text)
    g_object_set (self, "large-text", person->settings.large_text, NULL);
  if (!self->pending_high_contrast)
    g_object_set (self, "high-contrast", person->settings.high_contrast, NULL);
  self->applying_settings = FALSE;
  self->pending_language = self->pending_large_text = self->pending_high_contrast = FALSE;
  if (chosen)
    save (self);
}

void
lh_window_settings_signed_out (LhWindow *self)
{
  self->applying_settings = TRUE;
  self->person_language[0] = '\0';
  speak (self, lh_language_get_default ());
  g_object_set (self, "large-text", self->default_large_text,
                "high-contrast", self->default_high_contrast, NULL);
  self->applying_settings = FALSE;
  self->pending_language = self->pending_large_text = self->pending_high_contrast = FALSE;
}

void
lh_window_set_defaults (LhWindow   *self,
                        const char *language,
                        gboolean    large_text,
                        gboolean    high_contrast)
{
  g_return_if_fail (LH_IS_WINDOW (self));

  lh_language_set_default (language);
  self->default_large_text = large_text;
  self->default_high_contrast = high_contrast;
  if (!lh_client_is_signed_in (self->client))
    lh_window_settings_signed_out (self);
}
