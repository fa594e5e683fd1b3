/* nb-print-operation.c — printing a report through GTK
 *
 * A thin GtkPrintOperation over NbPageRenderer: the renderer lays out
 * and draws the pages (the same pages as the PDF export, in print
 * colours and fonts, never the screen theme's); this only hands it the
 * print context.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-print-operation"

#include "config.h"

#include "nb-page-renderer.h"
#include "nb-print-operation.h"
#include "nb-report-file.h"

struct _NbPrintOperation
{
  GtkPrintOperation  parent_instance;

  NbPageRenderer    *renderer;
  guint              n_pages;
};

G_DEFINE_FINAL_TYPE (NbPrintOperation, nb_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
nb_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  NbPrintOperation *self = NB_PRINT_OPERATION (operation);
  PangoContext *pango = gtk_print_context_create_pango_context (context);

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

  nb_page_renderer_draw_page (self->renderer, gtk_print_context_get_cairo_context (context),
                              (guint) page_nr);
}

static void
nb_print_operation_dispose (GObject *object)
{
  NbPrintOperation *self = (NbPrintOperation *) object;

  g_clear_object (&self->renderer);

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
}

static void
nb_print_operation_init (NbPrintOperation *self)
{
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
}

/**
 * nb_print_operation_new:
 * @include_signature: whether the paper copy ends with the signature block
 */
NbPrintOperation *
nb_print_operation_new (NbReport *report,
                        gboolean  include_signature)
{
  NbPrintOperation *self = g_object_new (NB_TYPE_PRINT_OPERATION, NULL);
  g_autofree char *fingerprint = nb_report_fingerprint (report);

  self->renderer = nb_page_renderer_new (report);
  g_object_set (self->renderer,
                "fingerprint", fingerprint,
                "include-signature", include_signature,
                NULL);
  gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), nb_report_get_title (report));
  return self;
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
