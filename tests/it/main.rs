//! Integration tests: one binary, so the crate and the outside tools are
//! set up once. Outputs are checked with software nobody here wrote:
//! LibreOffice, poppler, pandoc, python-docx, an HTML5 parser, Chromium.

mod access;
mod accounts;
mod api;
mod architecture;
mod backup;
mod batch;
mod browser;
mod campaign_flow;
mod campaigns;
mod cli;
mod common;
mod crash;
mod database;
mod drafts;
mod exports;
mod french_flow;
mod hostile;
mod http;
mod interface;
mod language;
mod load;
mod packet_flow;
mod packets;
mod pdf;
mod postgres;
mod properties;
mod rules;
mod script_retry;
mod template_library;
mod typesetting;
mod wizard_flow;
