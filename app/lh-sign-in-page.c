/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-sign-in-page"

#include "lh-sign-in-page.h"

#include <string.h>

#include <glib/gi18n.h>

#include "lh-busy.h"
#include "lh-client-sign-in-shape.h"
#include "lh-messages.h"
#include "lh-why-disabled.h"

#define MAX_STAFF_DIGITS 12
#define MAX_PIN_DIGITS 8

typedef enum {
  STEP_STAFF_NUMBER,
  STEP_PIN,
} Step;

struct _LhSignInPage
{
  AdwBin        parent_instance;

  LhClient     *client;        /* (owned) (nullable) */
  GCancellable *cancellable;   /* (owned) (nullable) set while signing in */
  GCancellable *shape_cancellable;  /* (owned) (nullable) while asking the lengths */
  LhSignInShape shape;         /* the daemon's lengths; 0s until known */
  GtkWidget    *keys_root;     /* (unowned) (nullable) the window typed keys are caught on */
  GtkEventController *keys;    /* (unowned) (nullable) on keys_root */
  GString      *staff_number;  /* (owned) */
  GString      *pin;           /* (owned) */
  Step          step;

  /* template children (unowned) */
  GtkLabel     *pc_label;
  GtkLabel     *step_label;
  GtkLabel     *prompt_label;
  GtkLabel     *hint_label;
  GtkLabel     *display_label;
  GtkWidget    *error_box;
  GtkLabel     *error_label;
  GtkButton    *next_button;
  GtkWidget    *next_why_label;
  GtkGrid      *keypad;
  GtkWidget    *guest_key;     /* (unowned) G, that guest numbers start with */
};

G_DEFINE_FINAL_TYPE (LhSignInPage, lh_sign_in_page, ADW_TYPE_BIN)

enum {
  SIGNAL_SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
show_error (LhSignInPage *self,
            const char   *message)
{
  gtk_label_set_label (self->error_label, message ? message : "");
  gtk_widget_set_visible (self->error_box, message != NULL);
}

static void
update (LhSignInPage *self)
{
  GString *digits = self->step == STEP_PIN ? self->pin : self->staff_number;

  if (self->step == STEP_STAFF_NUMBER)
    {
      gtk_label_set_label (self->step_label, _("Step 1 of 2"));
      gtk_label_set_label (self->prompt_label, _("Type your staff number"));
      /* With the length known, the last digit goes on by itself. */
      gtk_label_set_label (self->hint_label, self->shape.staff_number_digits > 0
                                             ? _("Use the number keys.")
                                             : _("Use the number keys. Then tap Next."));
      gtk_label_set_label (self->display_label, self->staff_number->str);
      gtk_button_set_label (self->next_button, _("Next"));
    }
  else
    {
      g_autoptr(GString) dots = g_string_new (NULL);
      g_autofree char *hint = NULL;

      for (gsize i = 0; i < self->pin->len; i++)
        g_string_append (dots, i == 0 ? "●" : " ●");
      /* Translators: %s is the staff number typed on the step before */
      hint = g_strdup_printf (_("Staff number %s. Your PIN stays hidden."), self->staff_number->str);
      gtk_label_set_label (self->step_label, _("Step 2 of 2"));
      gtk_label_set_label (self->prompt_label, _("Type your PIN"));
      gtk_label_set_label (self->hint_label, hint);
      gtk_label_set_label (self->display_label, dots->str);
      gtk_button_set_label (self->next_button, _("Sign in"));
    }
  if (!lh_busy_is_busy (self->next_button))
    lh_why_disabled_set (GTK_WIDGET (self->next_button), self->next_why_label,
                         digits->len > 0 ? NULL
                         : self->step == STEP_STAFF_NUMBER ? _("Type your staff number first")
                                                           : _("Type your PIN first"));
  /* Guest numbers are G and digits; a PIN is only digits. */
  gtk_widget_set_visible (self->guest_key, self->step == STEP_STAFF_NUMBER);
  gtk_widget_set_sensitive (self->guest_key, self->staff_number->len == 0);
}

static void
sign_in_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  LhSignInPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhPerson) person = NULL;
  g_autofree char *message = NULL;

  person = lh_client_sign_in_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_SIGN_IN_PAGE (user_data);
  g_clear_object (&self->cancellable);
  lh_busy_end (self->next_button);

  if (person != NULL)
    {
      lh_sign_in_page_reset (self);
      g_signal_emit (self, signals[SIGNAL_SIGNED_IN], 0, person);
      return;
    }

  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    message = g_strdup (_("The staff number or the PIN is not right. Please type your PIN again, or tap Back to change the staff number."));
  else if (g_strcmp0 (lh_client_error_get_reason (error), "pc-out-of-order") == 0)
    {
      /* On a PC's own kiosk: sitting down at a PC reported broken. */
      message = g_strdup (_("This PC is out of order, so nobody can use it until it is repaired. Please use another PC."));
      memset (self->pin->str, 0, self->pin->len);
      g_string_truncate (self->pin, 0);
      g_string_truncate (self->staff_number, 0);
      self->step = STEP_STAFF_NUMBER;
    }
  else if (error->domain == LH_CLIENT_ERROR &&
           (error->code == LH_CLIENT_ERROR_CONFLICT || error->code == LH_CLIENT_ERROR_INVALID))
    {
      /* On a PC's own kiosk: someone else's booking, reserved soon, or
       * closed, by its reason in the kiosk's words; and the keypad is
       * ready for the next person, as nobody was signed in. */
      message = lh_message_for_error (error);
      memset (self->pin->str, 0, self->pin->len);
      g_string_truncate (self->pin, 0);
      g_string_truncate (self->staff_number, 0);
      self->step = STEP_STAFF_NUMBER;
    }
  else
    message = lh_message_for_error (error);
  g_debug ("Sign-in failed: %s", error->message);

  /* A PIN that did not work is not kept; a network failure keeps it to retry. */
  if (error->domain == LH_CLIENT_ERROR &&
      (error->code == LH_CLIENT_ERROR_UNAUTHORIZED || error->code == LH_CLIENT_ERROR_LOCKED ||
       error->code == LH_CLIENT_ERROR_KIOSK_SLOWED))
    g_string_truncate (self->pin, 0);
  update (self);
  show_error (self, message);
}

static void
next_clicked_cb (LhSignInPage *self,
                 GtkButton    *button)
{
  if (self->cancellable != NULL)
    return;

  if (self->step == STEP_STAFF_NUMBER)
    {
      if (self->staff_number->len == 0)
        return;
      self->step = STEP_PIN;
      show_error (self, NULL);
      update (self);
      return;
    }

  if (self->pin->len == 0 || self->client == NULL)
    return;

  show_error (self, NULL);
  self->cancellable = g_cancellable_new ();
  lh_busy_begin (self->next_button);
  lh_client_sign_in_async (self->client, self->staff_number->str, self->pin->str,
                           self->cancellable, sign_in_cb, self);
}

/* The length the daemon says the digits being typed have, or 0. */
static gsize
expected_length (LhSignInPage *self)
{
  if (self->step == STEP_PIN)
    return self->shape.pin_digits;
  if (self->staff_number->len > 0 && self->staff_number->str[0] == 'G')
    return self->shape.guest_number_length;
  return self->shape.staff_number_digits;
}

/* After the last digit, on by itself: only with a length the daemon gave. */
static void
maybe_move_on (LhSignInPage *self)
{
  GString *digits = self->step == STEP_PIN ? self->pin : self->staff_number;
  gsize expected = expected_length (self);

  if (expected > 0 && digits->len == expected && self->cancellable == NULL)
    next_clicked_cb (self, self->next_button);
}

static void
shape_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  LhSignInPage *self;
  g_autoptr(GError) error = NULL;
  g_autofree LhSignInShape *shape = lh_client_get_sign_in_shape_finish (LH_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_SIGN_IN_PAGE (user_data);
  g_clear_object (&self->shape_cancellable);
  if (shape == NULL)
    {
      /* Not known: Next and Sign in stay the way on. */
      g_debug ("No sign-in lengths: %s", error->message);
      return;
    }
  self->shape = *shape;
  update (self);
  maybe_move_on (self);
}

/* Asked afresh for each person: the roster may have changed. */
static void
load_shape (LhSignInPage *self)
{
  g_cancellable_cancel (self->shape_cancellable);
  g_clear_object (&self->shape_cancellable);
  if (self->client == NULL)
    return;
  self->shape_cancellable = g_cancellable_new ();
  lh_client_get_sign_in_shape_async (self->client, self->shape_cancellable, shape_cb, self);
}

static void
press_key (LhSignInPage *self,
           const char   *key)
{
  GString *digits = self->step == STEP_PIN ? self->pin : self->staff_number;
  gsize max = self->step == STEP_PIN ? MAX_PIN_DIGITS : MAX_STAFF_DIGITS;

  /* The digits must not change under a request in flight. */
  if (self->cancellable != NULL)
    return;

  if (g_str_equal (key, "clear"))
    g_string_truncate (digits, 0);
  else if (g_str_equal (key, "delete"))
    {
      if (digits->len > 0)
        g_string_truncate (digits, digits->len - 1);
    }
  else if (g_str_equal (key, "G"))
    {
      /* Only first, and only in a staff number. */
      if (self->step == STEP_STAFF_NUMBER && digits->len == 0)
        g_string_append (digits, key);
    }
  else if (digits->len < max)
    {
      g_string_append (digits, key);
      show_error (self, NULL);
      update (self);
      maybe_move_on (self);
      return;
    }

  show_error (self, NULL);
  update (self);
}

static void
key_clicked_cb (GtkButton    *button,
                LhSignInPage *self)
{
  press_key (self, g_object_get_data (G_OBJECT (button), "lh-key"));
}

/* Whether Enter belongs to the focused control: a button of the page's
 * own (Back, say) that Tab reached does what it says. */
static gboolean
enter_is_for_focus (LhSignInPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus == NULL || focus == GTK_WIDGET (self->next_button))
    return FALSE;
  if (gtk_widget_is_ancestor (focus, GTK_WIDGET (self->keypad)))
    return FALSE;
  return GTK_IS_BUTTON (focus) || !gtk_widget_is_ancestor (focus, GTK_WIDGET (self));
}

/* Caught on the window before any button: the digits go to the keypad
 * wherever the focus is (or is not, after Next turned insensitive). */
static gboolean
key_pressed_cb (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LhSignInPage          *self)
{
  gunichar c = gdk_keyval_to_unicode (keyval);

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) ||
      (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (c >= '0' && c <= '9')
    {
      char key[2] = { (char) c, '\0' };

      press_key (self, key);
      return GDK_EVENT_STOP;
    }
  if (c == 'g' || c == 'G')
    {
      press_key (self, "G");
      return GDK_EVENT_STOP;
    }
  if (keyval == GDK_KEY_BackSpace)
    {
      press_key (self, "delete");
      return GDK_EVENT_STOP;
    }
  if (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter)
    {
      if (enter_is_for_focus (self))
        return GDK_EVENT_PROPAGATE;
      if (gtk_widget_get_sensitive (GTK_WIDGET (self->next_button)))
        next_clicked_cb (self, self->next_button);
      return GDK_EVENT_STOP;
    }
  return GDK_EVENT_PROPAGATE;
}

static void
build_keypad (LhSignInPage *self)
{
  static const struct { const char *key; int column; int row; } keys[] = {
    { "1", 0, 0 }, { "2", 1, 0 }, { "3", 2, 0 },
    { "4", 0, 1 }, { "5", 1, 1 }, { "6", 2, 1 },
    { "7", 0, 2 }, { "8", 1, 2 }, { "9", 2, 2 },
    { "clear", 0, 3 }, { "0", 1, 3 }, { "delete", 2, 3 },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GtkWidget *button;

      if (g_str_equal (keys[i].key, "clear"))
        {
          button = gtk_button_new_with_label (_("Clear"));
          gtk_widget_add_css_class (button, "lh-key-word");
        }
      else if (g_str_equal (keys[i].key, "delete"))
        {
          GtkWidget *content = adw_button_content_new ();

          adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "edit-clear-symbolic");
          adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("Delete"));
          gtk_widget_set_halign (content, GTK_ALIGN_CENTER);
          button = gtk_button_new ();
          gtk_button_set_child (GTK_BUTTON (button), content);
          gtk_widget_add_css_class (button, "lh-key-word");
        }
      else
        button = gtk_button_new_with_label (keys[i].key);

      gtk_widget_add_css_class (button, "lh-key");
      gtk_widget_set_focus_on_click (button, FALSE);
      g_object_set_data (G_OBJECT (button), "lh-key", (gpointer) keys[i].key);
      g_signal_connect (button, "clicked", G_CALLBACK (key_clicked_cb), self);
      gtk_grid_attach (self->keypad, button, keys[i].column, keys[i].row, 1, 1);
    }

  /* A wide key under the digits: "G  for a guest number". */
  {
    GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
    GtkWidget *letter = gtk_label_new ("G");
    GtkWidget *words = gtk_label_new (_("for a guest number"));

    gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
    gtk_widget_add_css_class (words, "lh-key-caption");
    gtk_box_append (GTK_BOX (box), letter);
    gtk_box_append (GTK_BOX (box), words);
    self->guest_key = gtk_button_new ();
    gtk_button_set_child (GTK_BUTTON (self->guest_key), box);
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->guest_key),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, _("G, for a guest number"),
                                    -1);
    gtk_widget_add_css_class (self->guest_key, "lh-key");
    gtk_widget_add_css_class (self->guest_key, "lh-key-guest");
    gtk_widget_set_focus_on_click (self->guest_key, FALSE);
    g_object_set_data (G_OBJECT (self->guest_key), "lh-key", (gpointer) "G");
    g_signal_connect (self->guest_key, "clicked", G_CALLBACK (key_clicked_cb), self);
    gtk_grid_attach (self->keypad, self->guest_key, 0, 4, 3, 1);
  }
}

static void
lh_sign_in_page_root (GtkWidget *widget)
{
  LhSignInPage *self = LH_SIGN_IN_PAGE (widget);

  GTK_WIDGET_CLASS (lh_sign_in_page_parent_class)->root (widget);
  self->keys_root = GTK_WIDGET (gtk_widget_get_root (widget));
  self->keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (self->keys, GTK_PHASE_CAPTURE);
  g_signal_connect (self->keys, "key-pressed", G_CALLBACK (key_pressed_cb), self);
  gtk_widget_add_controller (self->keys_root, self->keys);
}

static void
lh_sign_in_page_unroot (GtkWidget *widget)
{
  LhSignInPage *self = LH_SIGN_IN_PAGE (widget);

  if (self->keys != NULL)
    gtk_widget_remove_controller (self->keys_root, self->keys);
  self->keys = NULL;
  self->keys_root = NULL;
  GTK_WIDGET_CLASS (lh_sign_in_page_parent_class)->unroot (widget);
}

static void
lh_sign_in_page_dispose (GObject *object)
{
  LhSignInPage *self = LH_SIGN_IN_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->shape_cancellable);
  g_clear_object (&self->shape_cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), LH_TYPE_SIGN_IN_PAGE);

  G_OBJECT_CLASS (lh_sign_in_page_parent_class)->dispose (object);
}

static void
lh_sign_in_page_finalize (GObject *object)
{
  LhSignInPage *self = LH_SIGN_IN_PAGE (object);

  g_clear_object (&self->client);
  /* Wipe what was typed before letting the memory go. */
  memset (self->pin->str, 0, self->pin->allocated_len);
  g_string_free (self->pin, TRUE);
  g_string_free (self->staff_number, TRUE);

  G_OBJECT_CLASS (lh_sign_in_page_parent_class)->finalize (object);
}

static void
lh_sign_in_page_class_init (LhSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lh_sign_in_page_dispose;
  object_class->finalize = lh_sign_in_page_finalize;
  widget_class->root = lh_sign_in_page_root;
  widget_class->unroot = lh_sign_in_page_unroot;

  signals[SIGNAL_SIGNED_IN] =
    g_signal_new ("signed-in", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  LH_TYPE_PERSON | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/learnhub/Kiosk/lh-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LhSignInPage, pc_label);
  gtk_widget_class_bind_template_child (widget_class, LhSignInPage, step_label);
  gtk_widget_class_bind_template_child (widget_class, LhSignInPage, prompt_label);
  gtk_widget_class_bind_template_child (widget_class, LhSignInPage, hint_label);
  gtk_widget_class_bind_template_child (widget_class, LhSignInPage, display_label);
  gtk_widget_class_bind_template_child (widget_class, LhSignInPage, error_box);
  gtk_widget_class_bind_template_child (widget_class, LhSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, LhSignInPage, next_button);
  gtk_widget_class_bind_template_child (widget_class, LhSignInPage, next_why_label);
  gtk_widget_class_bind_template_child (widget_class, LhSignInPage, keypad);
  gtk_widget_class_bind_template_callback (widget_class, next_clicked_cb);
}

static void
lh_sign_in_page_init (LhSignInPage *self)
{
  self->staff_number = g_string_new (NULL);
  self->pin = g_string_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  build_keypad (self);
  update (self);
}

void
lh_sign_in_page_set_client (LhSignInPage *self,
                            LhClient     *client)
{
  g_return_if_fail (LH_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (client == NULL || LH_IS_CLIENT (client));

  g_set_object (&self->client, client);
  load_shape (self);
}

void
lh_sign_in_page_reset (LhSignInPage *self)
{
  g_return_if_fail (LH_IS_SIGN_IN_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  lh_busy_end (self->next_button);
  memset (self->pin->str, 0, self->pin->len);
  g_string_truncate (self->pin, 0);
  g_string_truncate (self->staff_number, 0);
  self->step = STEP_STAFF_NUMBER;
  show_error (self, NULL);
  update (self);
  load_shape (self);
}

gboolean
lh_sign_in_page_go_back (LhSignInPage *self)
{
  g_return_val_if_fail (LH_IS_SIGN_IN_PAGE (self), FALSE);

  if (self->step != STEP_PIN)
    return FALSE;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  lh_busy_end (self->next_button);
  g_string_truncate (self->pin, 0);
  self->step = STEP_STAFF_NUMBER;
  show_error (self, NULL);
  update (self);
  return TRUE;
}

void
lh_sign_in_page_set_pc (LhSignInPage *self,
                        const char   *text)
{
  g_return_if_fail (LH_IS_SIGN_IN_PAGE (self));

  gtk_label_set_label (self->pc_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->pc_label), text != NULL);
}
