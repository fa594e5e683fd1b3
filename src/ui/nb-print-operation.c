/* nb-print-operation.c — printing a report through GTK
 *
 * A thin GtkPrintOperation over NbPageRenderer: the renderer lays out
 * and draws the pages (the same pages as the PDF export and the preview,
 * in print colours and fonts, never the screen theme's); this hands it
 * the print context, remembers the printer's settings and the page setup
 * between runs (under the user's data folder), keeps itself alive until
 * GTK is done with it, and says how the run ended through "finished", so
 * that the window can show an error.
 *
 * Inside Flatpak, GtkPrintOperation goes through the print portal by
 * itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-print-operation"

#include "config.h"

#include <errno.h>
#include <math.h>

#include <glib/gi18n.h>

#include "nb-checker.h"
#include "nb-print-operation.h"
#include "nb-report-file.h"

#define SETTINGS_FOLDER    "nianbao"
#define PRINT_SETTINGS_INI "print-settings.ini"
#define PAGE_SETUP_INI     "page-setup.ini"

struct _NbPrintOperation
{
  GtkPrintOperation        parent_instance;

  NbPageRenderer          *renderer;
  GtkPageSetup            *used_page_setup;   /* the one the pages were laid out on */
  guint                    n_pages;
  GError                  *draw_error;        /* the pages could not be drawn */
  GError                  *error;             /* why the last run failed */
  guint                    in_run : 1;
  guint                    finished : 1;
};

G_DEFINE_FINAL_TYPE (NbPrintOperation, nb_print_operation, GTK_TYPE_PRINT_OPERATION)

enum {
  FINISHED,
  PREVIEW_REQUESTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The GSettings keys of the print fonts and the renderer's properties. */
static const struct {
  const char *key;
  const char *property;
} font_keys[] = {
  { "print-font-title", "title-font" },
  { "print-font-heading", "heading-font" },
  { "print-font-subheading", "subheading-font" },
  { "print-font-body", "body-font" },
  { "print-font-body", "table-font" },
};

static char *
settings_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), SETTINGS_FOLDER, name, NULL);
}

static GtkPrintSettings *
load_print_settings (void)
{
  g_autofree char *path = settings_path (PRINT_SETTINGS_INI);
  g_autoptr(GError) error = NULL;
  GtkPrintSettings *settings = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      settings = gtk_print_settings_new_from_file (path, &error);
      if (settings == NULL)
        g_debug ("Ignoring the saved print settings: %s", error->message);
    }
  return settings;
}

static gboolean
save_settings (NbPrintOperation  *self,
               GError           **error)
{
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), SETTINGS_FOLDER, NULL);
  g_autofree char *print_path = settings_path (PRINT_SETTINGS_INI);
  g_autofree char *setup_path = settings_path (PAGE_SETUP_INI);
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   "%s: %s", folder, g_strerror (saved_errno));
      return FALSE;
    }
  if (settings != NULL && !gtk_print_settings_to_file (settings, print_path, error))
    return FALSE;
  if (self->used_page_setup != NULL && !gtk_page_setup_to_file (self->used_page_setup, setup_path, error))
    return FALSE;
  return TRUE;
}

static void
finish (NbPrintOperation        *self,
        GtkPrintOperationResult  result,
        const GError            *run_error)
{
  GError *error = NULL;

  if (self->finished)
    return;
  self->finished = TRUE;

  if (self->draw_error != NULL)
    {
      result = GTK_PRINT_OPERATION_RESULT_ERROR;
      run_error = self->draw_error;
    }
  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      if (run_error != NULL)
        error = g_error_copy (run_error);
      else
        gtk_print_operation_get_error (GTK_PRINT_OPERATION (self), &error);
      if (error == NULL)
        g_set_error_literal (&error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL,
                             _("The printing system gave no reason."));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_autoptr(GError) save_error = NULL;

      /* Not worth troubling the user: the pages are printed. */
      if (!save_settings (self, &save_error))
        g_debug ("Could not remember the print settings: %s", save_error->message);
    }

  self->error = error;
  g_signal_emit (self, signals[FINISHED], 0, result, error);
}

static gboolean
release_idle_cb (gpointer data)
{
  return G_SOURCE_REMOVE;
}

static void
nb_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  NbPrintOperation *self = NB_PRINT_OPERATION (operation);
  GtkPageSetup *setup = gtk_print_context_get_page_setup (context);
  PangoContext *pango = gtk_print_context_create_pango_context (context);

  g_clear_object (&self->used_page_setup);
  if (setup != NULL)
    {
      self->used_page_setup = gtk_page_setup_copy (setup);
      nb_print_operation_apply_page_setup (self->renderer, setup);
    }
  nb_page_renderer_set_pango_context (self->renderer, pango);
  g_object_unref (pango);
  self->n_pages = nb_page_renderer_paginate (self->renderer);
  gtk_print_operation_set_n_pages (operation, MAX (self->n_pages, 1));
}

static void
nb_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  NbPrintOperation *self = NB_PRINT_OPERATION (operation);
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  cairo_status_t status;

  nb_page_renderer_draw_page (self->renderer, cr, (guint) page_nr);
  /* GTK does not look (an export to a folder that cannot be written
   * fails here): stop, and say why. */
  status = cairo_status (cr);
  if (status != CAIRO_STATUS_SUCCESS && self->draw_error == NULL)
    {
      g_set_error (&self->draw_error, GTK_PRINT_ERROR, GTK_PRINT_ERROR_GENERAL,
                   _("The printed pages could not be written: %s"),
                   cairo_status_to_string (status));
      gtk_print_operation_cancel (operation);
    }
}

static void
nb_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  NbPrintOperation *self = NB_PRINT_OPERATION (operation);

  finish (self, result, NULL);
  /* Let go of the reference nb_print_operation_start() took, once GTK
   * has returned from this signal. */
  if (!self->in_run)
    g_idle_add_full (G_PRIORITY_DEFAULT, release_idle_cb, self, g_object_unref);
}

static gboolean
end_preview_idle_cb (gpointer data)
{
  NbPrintOperation *self = NB_PRINT_OPERATION (data);
  GtkPrintOperationPreview *preview = g_object_get_data (G_OBJECT (self), "nb-preview");

  gtk_print_operation_preview_end_preview (preview);
  g_object_set_data (G_OBJECT (self), "nb-preview", NULL);
  g_signal_emit (self, signals[PREVIEW_REQUESTED], 0);
  return G_SOURCE_REMOVE;
}

/* The Preview button of GTK's print dialog would hand a temporary PDF to
 * an external viewer (which the desktop may lack, and a sandbox may not
 * start): end GTK's preview and let the window show ours. */
static gboolean
nb_print_operation_preview (GtkPrintOperation        *operation,
                            GtkPrintOperationPreview *preview,
                            GtkPrintContext          *context,
                            GtkWindow                *parent)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);

  /* GTK insists on a cairo context, though no page is drawn. */
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);
  g_object_set_data_full (G_OBJECT (operation), "nb-preview", g_object_ref (preview), g_object_unref);
  g_idle_add_full (G_PRIORITY_DEFAULT, end_preview_idle_cb, g_object_ref (operation), g_object_unref);
  return TRUE;
}

static void
nb_print_operation_dispose (GObject *object)
{
  NbPrintOperation *self = (NbPrintOperation *) object;

  g_clear_object (&self->renderer);
  g_clear_object (&self->used_page_setup);
  g_clear_error (&self->draw_error);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (nb_print_operation_parent_class)->dispose (object);
}

static void
nb_print_operation_class_init (NbPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *print_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->dispose = nb_print_operation_dispose;
  print_class->begin_print = nb_print_operation_begin_print;
  print_class->draw_page = nb_print_operation_draw_page;
  print_class->done = nb_print_operation_done;
  print_class->preview = nb_print_operation_preview;

  /**
   * NbPrintOperation::finished:
   * @result: how the run ended
   * @error: (nullable): why it failed, with %GTK_PRINT_OPERATION_RESULT_ERROR
   *
   * Emitted once per nb_print_operation_start(), when the pages have been
   * handed on, the user cancelled, or printing failed.
   */
  signals[FINISHED] =
    g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2,
                  GTK_TYPE_PRINT_OPERATION_RESULT, G_TYPE_ERROR);

  /**
   * NbPrintOperation::preview-requested:
   *
   * Emitted when the user asked for a preview in GTK's print dialog (or
   * the operation ran with %GTK_PRINT_OPERATION_ACTION_PREVIEW); the
   * operation has ended, and the application shows its own preview.
   */
  signals[PREVIEW_REQUESTED] =
    g_signal_new ("preview-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
nb_print_operation_init (NbPrintOperation *self)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (self);
  g_autoptr(GtkPrintSettings) settings = load_print_settings ();
  g_autoptr(GtkPageSetup) setup = nb_print_operation_load_page_setup ();

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  gtk_print_operation_set_default_page_setup (operation, setup);
  if (settings != NULL)
    gtk_print_operation_set_print_settings (operation, settings);
}

/**
 * nb_print_operation_new:
 * @settings: (nullable): the application's settings (print fonts, whether
 *   the signature block is printed)
 *
 * Returns: (transfer full): an operation printing @report as the PDF
 *   export lays it out, with the saved print settings and page setup
 */
NbPrintOperation *
nb_print_operation_new (NbReport  *report,
                        GSettings *settings)
{
  NbPrintOperation *self;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (NB_TYPE_PRINT_OPERATION, NULL);
  self->renderer = nb_print_operation_make_renderer (report, settings, NULL);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), nb_report_get_title (report));
  return self;
}

/**
 * nb_print_operation_get_renderer:
 * Returns: (transfer none): the renderer that lays out the pages
 */
NbPageRenderer *
nb_print_operation_get_renderer (NbPrintOperation *self)
{
  g_return_val_if_fail (NB_IS_PRINT_OPERATION (self), NULL);
  return self->renderer;
}

/**
 * nb_print_operation_get_n_pages:
 * Returns: how many pages the report printed to (after begin-print)
 */
guint
nb_print_operation_get_n_pages (NbPrintOperation *self)
{
  g_return_val_if_fail (NB_IS_PRINT_OPERATION (self), 0);
  return self->n_pages;
}

/**
 * nb_print_operation_start:
 * @action: %GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG to ask the user, or
 *   %GTK_PRINT_OPERATION_ACTION_EXPORT after
 *   gtk_print_operation_set_export_filename()
 * @parent: (nullable): the window the print dialog belongs to
 *
 * Runs the operation, asynchronously where GTK can (the print dialog);
 * the operation keeps itself alive until GTK is done with it and emits
 * #NbPrintOperation::finished once, whatever the outcome.  Print settings
 * and page setup are remembered when pages were printed.
 *
 * Returns: %GTK_PRINT_OPERATION_RESULT_IN_PROGRESS while the dialog is up,
 *   or how the run ended (with @error set on
 *   %GTK_PRINT_OPERATION_RESULT_ERROR)
 */
GtkPrintOperationResult
nb_print_operation_start (NbPrintOperation         *self,
                          GtkPrintOperationAction   action,
                          GtkWindow                *parent,
                          GError                  **error)
{
  g_autoptr(GError) run_error = NULL;
  GtkPrintOperationResult result;

  g_return_val_if_fail (NB_IS_PRINT_OPERATION (self), GTK_PRINT_OPERATION_RESULT_ERROR);
  g_return_val_if_fail (!self->in_run, GTK_PRINT_OPERATION_RESULT_ERROR);

  self->finished = FALSE;
  g_clear_error (&self->draw_error);
  g_clear_error (&self->error);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);

  g_object_ref (self);   /* until GTK is done */
  self->in_run = TRUE;
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self), action, parent, &run_error);
  self->in_run = FALSE;

  if (self->draw_error != NULL && result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    {
      result = GTK_PRINT_OPERATION_RESULT_ERROR;
      if (run_error == NULL)
        run_error = g_error_copy (self->draw_error);
    }
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS || self->finished)
    {
      finish (self, result, run_error);
      g_object_unref (self);
    }
  if (self->error != NULL)
    {
      /* GTK may have said so in "done" only. */
      result = GTK_PRINT_OPERATION_RESULT_ERROR;
      g_propagate_error (error, g_error_copy (self->error));
    }
  return result;
}

/**
 * nb_print_operation_load_page_setup:
 *
 * Returns: (transfer full): the page setup of the last print, or A4
 *   portrait (GB/T 9704) when none was saved
 */
GtkPageSetup *
nb_print_operation_load_page_setup (void)
{
  g_autofree char *path = settings_path (PAGE_SETUP_INI);
  GtkPageSetup *setup = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autoptr(GError) error = NULL;

      setup = gtk_page_setup_new_from_file (path, &error);
      if (setup == NULL)
        g_debug ("Ignoring the saved page setup: %s", error->message);
    }
  if (setup == NULL)
    {
      g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size (setup, a4);
      gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_PORTRAIT);
    }
  return setup;
}

/**
 * nb_print_operation_apply_page_setup:
 * Lays @renderer's pages out on the paper and in the orientation of
 * @page_setup; the text block keeps its place (the page setup's margins
 * are the printer's, not the report's).
 */
void
nb_print_operation_apply_page_setup (NbPageRenderer *renderer,
                                     GtkPageSetup   *page_setup)
{
  GtkPaperSize *paper;
  GtkPageOrientation orientation;
  double width, height, old_width, old_height;
  gboolean landscape, old_landscape;

  g_return_if_fail (NB_IS_PAGE_RENDERER (renderer));
  g_return_if_fail (GTK_IS_PAGE_SETUP (page_setup));

  paper = gtk_page_setup_get_paper_size (page_setup);
  orientation = gtk_page_setup_get_orientation (page_setup);
  width = gtk_paper_size_get_width (paper, GTK_UNIT_MM);
  height = gtk_paper_size_get_height (paper, GTK_UNIT_MM);
  landscape = orientation == GTK_PAGE_ORIENTATION_LANDSCAPE
           || orientation == GTK_PAGE_ORIENTATION_REVERSE_LANDSCAPE;
  /* The renderer takes the paper upright, and its own limits. */
  width = CLAMP (MIN (width, height), 50, 2000);
  height = CLAMP (MAX (gtk_paper_size_get_width (paper, GTK_UNIT_MM),
                       gtk_paper_size_get_height (paper, GTK_UNIT_MM)), 50, 2000);

  g_object_get (renderer, "paper-width", &old_width, "paper-height", &old_height,
                "landscape", &old_landscape, NULL);
  if (fabs (old_width - width) < 0.01 && fabs (old_height - height) < 0.01
      && old_landscape == landscape)
    return;
  g_object_set (renderer, "paper-width", width, "paper-height", height,
                "landscape", landscape, NULL);
}

/**
 * nb_print_operation_make_renderer:
 * @settings: (nullable): the application's settings: the print fonts and
 *   whether the signature block is printed
 * @page_setup: (nullable): the paper, or %NULL for the saved page setup
 *
 * The one place that sets up the printed pages, so that the printer, the
 * preview and the PDF export get the same pages: fingerprint footer,
 * signature block (its lines are settings of the report), fonts, paper,
 * and the draft's marks on every page while the report has errors.
 *
 * Returns: (transfer full): a renderer of @report
 */
NbPageRenderer *
nb_print_operation_make_renderer (NbReport     *report,
                                  GSettings    *settings,
                                  GtkPageSetup *page_setup)
{
  NbPageRenderer *renderer;
  g_autofree char *fingerprint = NULL;
  g_autoptr(GtkPageSetup) saved = NULL;
  g_autoptr(NbChecker) checker = NULL;
  gboolean signature = TRUE;

  g_return_val_if_fail (NB_IS_REPORT (report), NULL);

  renderer = nb_page_renderer_new (report);
  fingerprint = nb_report_fingerprint (report);
  if (settings != NULL)
    {
      signature = g_settings_get_boolean (settings, "include-signature-block");
      for (guint i = 0; i < G_N_ELEMENTS (font_keys); i++)
        {
          g_autofree char *families = g_settings_get_string (settings, font_keys[i].key);

          g_strstrip (families);
          if (*families != '\0')
            g_object_set (renderer, font_keys[i].property, families, NULL);
        }
    }
  checker = nb_checker_new (report);
  /* a draft ends with its check list, acknowledged warnings included */
  g_object_set (renderer, "fingerprint", fingerprint, "include-signature", signature,
                "draft", nb_checker_count (checker, NB_SEVERITY_ERROR, -1) > 0,
                "checker", checker, NULL);

  if (page_setup == NULL)
    page_setup = saved = nb_print_operation_load_page_setup ();
  nb_print_operation_apply_page_setup (renderer, page_setup);
  return renderer;
}
