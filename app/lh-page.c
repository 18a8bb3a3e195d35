/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-page"

#include "lh-page.h"

#include "lh-busy.h"
#include "lh-messages.h"

#define LOADING_DELAY_MS 150

typedef struct
{
  LhClient      *client;            /* (owned) (nullable) */
  GCancellable  *load_cancellable;  /* (owned) (nullable) while loading */
  guint          loading_id;        /* shows the spinner if loading is slow */
  gboolean       reload_again;      /* changed while the content loaded */
  gboolean       stale;             /* changed while the person was deciding */

  /* template children of the subclass (unowned) */
  GtkStack      *view_stack;
  GtkStack      *content_stack;
  GtkSpinner    *loading_spinner;
  GtkWidget     *offline_note;
  AdwStatusPage *load_error_page;
  GtkLabel      *confirm_facts_label;
  GtkWidget     *confirm_error_box;
  GtkLabel      *confirm_error_label;
  GtkWidget     *confirm_offline_note;
  GtkWidget     *confirm_back_button;
  GtkButton     *confirm_button;
  GtkWidget     *message_box;       /* (nullable) */
  GtkLabel      *message_label;     /* (nullable) */
} LhPagePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (LhPage, lh_page, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_label (GtkWidget  *box,
            GtkLabel   *label,
            const char *message)
{
  if (label == NULL)
    return;
  gtk_label_set_label (label, message ? message : "");
  gtk_widget_set_visible (box, message != NULL);
}

static void
stop_loading_timer (LhPage *self)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  g_clear_handle_id (&priv->loading_id, g_source_remove);
  if (priv->loading_spinner != NULL)
    gtk_spinner_stop (priv->loading_spinner);
}

static gboolean
show_loading_cb (gpointer user_data)
{
  LhPage *self = user_data;
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  priv->loading_id = 0;
  gtk_spinner_start (priv->loading_spinner);
  gtk_stack_set_visible_child_name (priv->content_stack, "loading");
  return G_SOURCE_REMOVE;
}

static void
retry_clicked_cb (LhPage    *self,
                  GtkButton *button)
{
  LH_PAGE_GET_CLASS (self)->load (self);
}

static void
online_changed_cb (LhPage     *self,
                   GParamSpec *pspec,
                   LhClient   *client)
{
  lh_page_update_online (self);
  /* Back in contact: what is shown may have changed meanwhile. */
  if (lh_page_is_online (self))
    lh_page_refresh_if_shown (self);
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_page_dispose (GObject *object)
{
  LhPage *self = LH_PAGE (object);
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  if (priv->client != NULL)
    g_signal_handlers_disconnect_by_data (priv->client, self);
  g_cancellable_cancel (priv->load_cancellable);
  g_clear_object (&priv->load_cancellable);
  stop_loading_timer (self);
  /* view_stack is both a bound template child and the bin's child: let
   * the bin drop it first, or dispose_template unparents it behind the
   * bin's back. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), G_OBJECT_TYPE (self));

  G_OBJECT_CLASS (lh_page_parent_class)->dispose (object);
}

static void
lh_page_finalize (GObject *object)
{
  LhPage *self = LH_PAGE (object);
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  g_clear_object (&priv->client);

  G_OBJECT_CLASS (lh_page_parent_class)->finalize (object);
}

static void
lh_page_get_property (GObject    *object,
                      guint       prop_id,
                      GValue     *value,
                      GParamSpec *pspec)
{
  LhPage *self = LH_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, lh_page_get_client (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lh_page_set_property (GObject      *object,
                      guint         prop_id,
                      const GValue *value,
                      GParamSpec   *pspec)
{
  LhPage *self = LH_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      lh_page_set_client (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lh_page_class_init (LhPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lh_page_dispose;
  object_class->finalize = lh_page_finalize;
  object_class->get_property = lh_page_get_property;
  object_class->set_property = lh_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         LH_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lh_page_init (LhPage *self)
{
}

/* ---- the pages' API --------------------------------------------------- */

#define BIND(widget_class, name) \
  gtk_widget_class_bind_template_child_full (widget_class, #name, FALSE, \
                                             G_PRIVATE_OFFSET (LhPage, name))

/* Sets a page's template and binds the children every page has; with
 * @with_message also message_box and message_label. */
void
lh_page_class_set_template (GtkWidgetClass *widget_class,
                            const char     *resource,
                            gboolean        with_message)
{
  g_return_if_fail (g_type_is_a (G_TYPE_FROM_CLASS (widget_class), LH_TYPE_PAGE));

  gtk_widget_class_set_template_from_resource (widget_class, resource);
  BIND (widget_class, view_stack);
  BIND (widget_class, content_stack);
  BIND (widget_class, loading_spinner);
  BIND (widget_class, offline_note);
  BIND (widget_class, load_error_page);
  BIND (widget_class, confirm_facts_label);
  BIND (widget_class, confirm_error_box);
  BIND (widget_class, confirm_error_label);
  BIND (widget_class, confirm_offline_note);
  BIND (widget_class, confirm_back_button);
  BIND (widget_class, confirm_button);
  if (with_message)
    {
      BIND (widget_class, message_box);
      BIND (widget_class, message_label);
    }
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked_cb);
}

void
lh_page_set_client (LhPage   *self,
                    LhClient *client)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  g_return_if_fail (LH_IS_PAGE (self));
  g_return_if_fail (client == NULL || LH_IS_CLIENT (client));

  if (priv->client == client)
    return;
  if (priv->client != NULL)
    g_signal_handlers_disconnect_by_data (priv->client, self);
  g_set_object (&priv->client, client);
  if (client != NULL)
    {
      if (LH_PAGE_GET_CLASS (self)->connect_client != NULL)
        LH_PAGE_GET_CLASS (self)->connect_client (self, client);
      g_signal_connect_object (client, "notify::online",
                               G_CALLBACK (online_changed_cb), self, G_CONNECT_SWAPPED);
    }
  lh_page_update_online (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

LhClient *
lh_page_get_client (LhPage *self)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  g_return_val_if_fail (LH_IS_PAGE (self), NULL);

  return priv->client;
}

const char *
lh_page_get_view (LhPage *self)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  g_return_val_if_fail (LH_IS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (priv->view_stack);
}

void
lh_page_set_view (LhPage     *self,
                  const char *view)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  gtk_stack_set_visible_child_name (priv->view_stack, view);
}

gboolean
lh_page_view_is (LhPage     *self,
                 const char *view)
{
  return g_strcmp0 (lh_page_get_view (self), view) == 0;
}

void
lh_page_set_content (LhPage     *self,
                     const char *content)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  gtk_stack_set_visible_child_name (priv->content_stack, content);
}

gboolean
lh_page_content_is (LhPage     *self,
                    const char *content)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  return g_strcmp0 (gtk_stack_get_visible_child_name (priv->content_stack), content) == 0;
}

gboolean
lh_page_is_online (LhPage *self)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  return priv->client == NULL || lh_client_get_online (priv->client);
}

/* Offline, what was last known stays in view, read-only: the daemon
 * could not say yes, and what is shown may be stale. */
void
lh_page_update_online (LhPage *self)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);
  gboolean online = lh_page_is_online (self);

  if (priv->view_stack == NULL)
    return;
  if (LH_PAGE_GET_CLASS (self)->update_online != NULL)
    LH_PAGE_GET_CLASS (self)->update_online (self, online);
  gtk_widget_set_visible (priv->offline_note, !online);
  gtk_widget_set_visible (priv->confirm_offline_note, !online);
  if (!lh_busy_is_busy (priv->confirm_button))
    gtk_widget_set_sensitive (GTK_WIDGET (priv->confirm_button), online);
}

void
lh_page_show_message (LhPage     *self,
                      const char *message)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  show_label (priv->message_box, priv->message_label, message);
}

void
lh_page_show_confirm_error (LhPage     *self,
                            const char *message)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  show_label (priv->confirm_error_box, priv->confirm_error_label, message);
}

/* Starts loading: cancels a load on its way and, unless @keep_content
 * (what is shown stays until the new comes), shows the spinner if the
 * answer is slow. Returns: (transfer none) the load's cancellable. */
GCancellable *
lh_page_begin_load (LhPage   *self,
                    gboolean  keep_content)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  g_cancellable_cancel (priv->load_cancellable);
  g_clear_object (&priv->load_cancellable);
  stop_loading_timer (self);
  priv->reload_again = FALSE;
  priv->stale = FALSE;

  if (!keep_content)
    priv->loading_id = g_timeout_add (LOADING_DELAY_MS, show_loading_cb, self);
  priv->load_cancellable = g_cancellable_new ();
  return priv->load_cancellable;
}

/* Ends a load that was not cancelled, after what came is shown. A failure
 * goes on the error page, and a change while it loaded loads again.
 * Returns: TRUE if the error page is shown. */
gboolean
lh_page_end_load (LhPage       *self,
                  const GError *error)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);
  gboolean shown = FALSE;

  g_clear_object (&priv->load_cancellable);
  stop_loading_timer (self);

  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return FALSE;  /* the window signs out and says so */
  if (error != NULL && !priv->reload_again)
    {
      g_autofree char *message = lh_message_for_error (error);

      g_debug ("%s: loading failed: %s", G_OBJECT_TYPE_NAME (self), error->message);
      adw_status_page_set_description (priv->load_error_page, message);
      gtk_stack_set_visible_child_name (priv->content_stack, "error");
      shown = TRUE;
    }
  /* It changed again while it loaded: what came is already old. */
  if (priv->reload_again)
    LH_PAGE_GET_CLASS (self)->load (self);
  return shown;
}

/* Loads again without a second request while one is on its way; with
 * @later (the person is deciding), only once the page asks lh_page_is_stale(). */
void
lh_page_refresh (LhPage   *self,
                 gboolean  later)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  if (later)
    priv->stale = TRUE;
  else if (priv->load_cancellable != NULL)
    priv->reload_again = TRUE;
  else
    LH_PAGE_GET_CLASS (self)->load (self);
}

/* Not on screen: the page loads afresh when it is opened. */
void
lh_page_refresh_if_shown (LhPage *self)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  if (gtk_widget_get_mapped (GTK_WIDGET (self)) && priv->client != NULL &&
      lh_client_is_signed_in (priv->client))
    LH_PAGE_GET_CLASS (self)->refresh (self);
}

/* Returns: TRUE if something changed while the person was deciding. */
gboolean
lh_page_is_stale (LhPage *self)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  return priv->stale;
}

void
lh_page_show_confirm (LhPage     *self,
                      const char *facts,
                      gboolean    focus_back)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  gtk_label_set_label (priv->confirm_facts_label, facts);
  lh_page_show_confirm_error (self, NULL);
  lh_page_show_message (self, NULL);
  lh_page_set_view (self, "confirm");
  gtk_widget_grab_focus (focus_back ? priv->confirm_back_button : GTK_WIDGET (priv->confirm_button));
}

GtkButton *
lh_page_get_confirm_button (LhPage *self)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  return priv->confirm_button;
}

/* Whether the confirm button may send its request now: a tap that lands
 * after the answer, or offline, sends none. */
gboolean
lh_page_can_confirm (LhPage *self)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  return priv->client != NULL && lh_page_is_online (self) &&
         !lh_busy_is_busy (priv->confirm_button) && lh_page_view_is (self, "confirm");
}

void
lh_page_begin_confirm (LhPage *self)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  lh_page_show_confirm_error (self, NULL);
  lh_busy_begin (priv->confirm_button);
  gtk_widget_set_sensitive (priv->confirm_back_button, FALSE);
}

void
lh_page_end_confirm (LhPage *self)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  lh_busy_end (priv->confirm_button);
  gtk_widget_set_sensitive (priv->confirm_back_button, TRUE);
  lh_page_update_online (self);
}

/* Forgets the shared state; the page clears its own first. */
void
lh_page_reset (LhPage     *self,
               const char *first_view)
{
  LhPagePrivate *priv = lh_page_get_instance_private (self);

  g_cancellable_cancel (priv->load_cancellable);
  g_clear_object (&priv->load_cancellable);
  stop_loading_timer (self);
  priv->reload_again = FALSE;
  priv->stale = FALSE;

  if (priv->view_stack == NULL)
    return;
  lh_busy_end (priv->confirm_button);
  gtk_widget_set_sensitive (priv->confirm_back_button, TRUE);
  lh_page_show_message (self, NULL);
  lh_page_show_confirm_error (self, NULL);
  gtk_label_set_label (priv->confirm_facts_label, "");
  gtk_stack_set_visible_child_name (priv->content_stack, "loading");
  lh_page_set_view (self, first_view);
  lh_page_update_online (self);
}

GCancellable *
lh_page_begin_list_load (LhPage *self)
{
  g_return_val_if_fail (LH_IS_PAGE (self), NULL);

  lh_page_set_view (self, "list");
  return lh_page_begin_load (self, lh_page_content_is (self, "list"));
}

static void
refresh_event_cb (LhPage     *self,
                  const char *type,
                  JsonNode   *data,
                  LhClient   *client)
{
  lh_page_refresh_if_shown (self);
}

void
lh_page_refresh_on_event (LhPage     *self,
                          LhClient   *client,
                          const char *detailed_signal)
{
  g_return_if_fail (LH_IS_PAGE (self));
  g_return_if_fail (LH_IS_CLIENT (client));

  g_signal_connect_object (client, detailed_signal, G_CALLBACK (refresh_event_cb), self, G_CONNECT_SWAPPED);
}

void
lh_page_set_buttons_sensitive (GtkWidget *widget,
                               gboolean   sensitive)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child))
        {
          if (!lh_busy_is_busy (GTK_BUTTON (child)))
            gtk_widget_set_sensitive (child, sensitive);
        }
      else
        lh_page_set_buttons_sensitive (child, sensitive);
    }
}
