//! The HTTP API for other systems (`/api/v1`): JSON in and out, a bearer
//! token per organisation with a scope, errors as `{code, message, field}`,
//! an OpenAPI 3.1 description generated from these handlers' types at
//! `/api/v1/openapi.json`, and requests per token limited. Each handler
//! checks the scope, then calls the same store and render functions the
//! web app's server functions call.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::extract::{Path, State};
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use utoipa::{OpenApi, ToSchema};

use super::AppState;
use crate::accounts::{ApiScope, Caller};
use crate::compose::ComposeError;
use crate::export::Format;
use crate::render::RenderError;
use crate::store::StoreError;

/// The caller of an API request: the organisation the token acts for, the
/// token and its scope. Put in the request by the guard.
#[derive(Debug, Clone)]
pub struct ApiCaller {
    pub caller: Caller,
    pub token: i64,
    pub scope: ApiScope,
}

/// An error: what went wrong, and the field of the request it is about.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiError {
    /// `unauthorized`, `scope`, `not_found`, `invalid`, `conflict`,
    /// `rate_limited`, `internal`.
    pub code: String,
    pub message: String,
    /// The answer's field id, or the request's member, when one is at fault.
    pub field: Option<String>,
}

pub struct Failure(StatusCode, ApiError);

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        (self.0, Json(self.1)).into_response()
    }
}

pub fn failure(
    status: StatusCode,
    code: &str,
    message: impl Into<String>,
    field: Option<&str>,
) -> Failure {
    Failure(
        status,
        ApiError {
            code: code.to_owned(),
            message: message.into(),
            field: field.map(str::to_owned),
        },
    )
}

fn store_failure(error: StoreError, api: &ApiCaller, route: &str) -> Failure {
    match error {
        // The API answers in English.
        StoreError::NotFound(message) => failure(
            StatusCode::NOT_FOUND,
            "not_found",
            message.to_string(),
            None,
        ),
        StoreError::Invalid(message) => failure(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            message.to_string(),
            None,
        ),
        StoreError::Forbidden(message) => failure(
            StatusCode::FORBIDDEN,
            "forbidden",
            message.to_string(),
            None,
        ),
        other => {
            let context = crate::runtime::failure::Context {
                route,
                caller: Some(&api.caller),
            };
            let reference = crate::runtime::failure::log("an API request failed", &other, &context);
            failure(
                StatusCode::INTERNAL_SERVER_ERROR,
                "internal",
                format!("something went wrong on our side (reference {reference})"),
                None,
            )
        }
    }
}

fn render_failure(error: &RenderError) -> Failure {
    let field = match error {
        RenderError::Compose(ComposeError::Answers { problems, .. }) => {
            problems.first().map(|p| p.field.as_str())
        }
        _ => None,
    };
    failure(
        StatusCode::UNPROCESSABLE_ENTITY,
        "invalid",
        error.to_string(),
        field,
    )
}

fn need(api: &ApiCaller, scope: ApiScope) -> Result<(), Failure> {
    if api.scope.allows(scope) {
        return Ok(());
    }
    Err(failure(
        StatusCode::FORBIDDEN,
        "scope",
        format!(
            "this token's scope is `{}`; this needs a `{}` token",
            api.scope.as_str(),
            scope.as_str()
        ),
        None,
    ))
}

/// Requests one token may make per minute, on one instance (counters are
/// kept per instance: with N instances behind a balancer, up to N times).
pub const REQUESTS_PER_MINUTE: u32 = 120;

static WINDOWS: LazyLock<Mutex<HashMap<i64, (Instant, u32)>>> = LazyLock::new(Default::default);

/// Counts a request of `token`; the seconds to wait when over the limit.
pub fn over_limit(token: i64) -> Option<u64> {
    let mut windows = WINDOWS.lock().unwrap_or_else(PoisonError::into_inner);
    let now = Instant::now();
    let window = windows.entry(token).or_insert((now, 0));
    if now.duration_since(window.0) >= Duration::from_secs(60) {
        *window = (now, 0);
    }
    window.1 += 1;
    (window.1 > REQUESTS_PER_MINUTE).then(|| {
        60u64
            .saturating_sub(now.duration_since(window.0).as_secs())
            .max(1)
    })
}

/// A template's question, as other systems fill it.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiField {
    pub id: String,
    pub label: String,
    /// text, long-text, number, money, date, choice, boolean, company, list, evidence-list
    #[serde(rename = "type")]
    pub field_type: String,
    pub required: bool,
    pub help: String,
    /// The values a `choice` field takes.
    pub options: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiTemplate {
    pub id: String,
    /// The published version new drafts start from.
    pub version: i64,
    pub title: String,
    pub kind: String,
    pub language: String,
    pub jurisdiction: Option<String>,
    pub fields: Vec<ApiField>,
}

/// Every published template the token's organisation sees, with its fields.
#[utoipa::path(get, path = "/api/v1/templates", security(("token" = [])),
    responses((status = 200, body = [ApiTemplate]), (status = 401, body = ApiError)))]
pub async fn list_templates(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
) -> Result<Json<Vec<ApiTemplate>>, Failure> {
    need(&api, ApiScope::Read)?;
    let templates = state
        .store
        .latest_templates(api.caller.org)
        .await
        .map_err(|e| store_failure(e, &api, "/api/v1/templates"))?;
    Ok(Json(
        templates
            .into_iter()
            .map(|stored| {
                let front = &stored.template.front;
                ApiTemplate {
                    id: front.id.clone(),
                    version: stored.version,
                    title: front.title.clone(),
                    kind: front.kind.as_str().to_owned(),
                    language: front.language.clone(),
                    jurisdiction: front.jurisdiction.clone(),
                    fields: front
                        .fields
                        .iter()
                        .map(|f| ApiField {
                            id: f.id.clone(),
                            label: f.label.clone(),
                            field_type: serde_json::to_value(f.field_type)
                                .ok()
                                .and_then(|v| v.as_str().map(str::to_owned))
                                .unwrap_or_default(),
                            required: f.required,
                            help: f.help.clone(),
                            options: f.options.iter().map(|o| o.value.clone()).collect(),
                        })
                        .collect(),
                }
            })
            .collect(),
    ))
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct RenderRequest {
    /// A template id (its newest published version is used).
    pub template: String,
    /// Field id → answer.
    #[schema(value_type = Object)]
    pub answers: Map<String, Value>,
    /// docx, pdf or html.
    pub format: String,
}

/// Renders a template with answers into a file.
#[utoipa::path(post, path = "/api/v1/render", security(("token" = [])), request_body = RenderRequest,
    responses((status = 200, description = "the document (DOCX, PDF or HTML)", content_type = "application/octet-stream"),
              (status = 422, body = ApiError), (status = 404, body = ApiError), (status = 403, body = ApiError)))]
pub async fn render(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Json(request): Json<RenderRequest>,
) -> Result<Response, Failure> {
    need(&api, ApiScope::Render)?;
    let Some(format) = Format::from_extension(&request.format) else {
        return Err(failure(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            format!("no format `{}`: use docx, pdf or html", request.format),
            Some("format"),
        ));
    };
    let stored = state
        .store
        .latest_template(api.caller.org, &request.template)
        .await
        .map_err(|e| store_failure(e, &api, "/api/v1/render"))?;
    let library = state
        .store
        .library_for(api.caller.org)
        .await
        .map_err(|e| store_failure(e, &api, "/api/v1/render"))?;
    let template = stored.template.clone();
    let answers = Value::Object(request.answers);
    let rendered = state
        .off_thread(move || {
            let style = crate::evidence::CitationStyle::by_name(crate::evidence::DEFAULT_STYLE)
                .map_err(RenderError::Citation)?;
            crate::render::render(&template, &answers, &library, &style, format)
        })
        .await
        .map_err(|e| {
            failure(
                StatusCode::UNPROCESSABLE_ENTITY,
                "invalid",
                e.to_string(),
                None,
            )
        })?;
    let bytes = rendered.map_err(|e| render_failure(&e))?;
    Ok(([(header::CONTENT_TYPE, format.media_type())], bytes).into_response())
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct NewDraft {
    pub template: String,
    pub title: String,
    /// Answers over the template's defaults.
    #[serde(default)]
    #[schema(value_type = Object)]
    pub answers: Map<String, Value>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct UpdateDraft {
    /// The version the change is made on; another is a conflict (409).
    pub base_version: i64,
    #[schema(value_type = Object)]
    pub answers: Map<String, Value>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiDraft {
    pub id: i64,
    pub title: String,
    pub template: String,
    pub template_version: i64,
    /// draft, in-review or final
    pub status: String,
    /// The latest saved version.
    pub version: i64,
    pub saved_at: String,
    #[schema(value_type = Object)]
    pub answers: Map<String, Value>,
}

async fn api_draft(state: &AppState, api: &ApiCaller, id: i64) -> Result<ApiDraft, Failure> {
    let (summary, version) = state
        .store
        .draft(api.caller.org, id)
        .await
        .map_err(|e| store_failure(e, api, "/api/v1/drafts/{id}"))?;
    Ok(ApiDraft {
        id,
        title: summary.title,
        template: summary.template_id,
        template_version: version.template_version,
        status: summary.status.as_str().to_owned(),
        version: version.number,
        saved_at: version.saved_at,
        answers: version.answers,
    })
}

/// Starts a draft from a template's newest published version.
#[utoipa::path(post, path = "/api/v1/drafts", security(("token" = [])), request_body = NewDraft,
    responses((status = 201, body = ApiDraft), (status = 422, body = ApiError), (status = 403, body = ApiError)))]
pub async fn create_draft(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Json(request): Json<NewDraft>,
) -> Result<(StatusCode, Json<ApiDraft>), Failure> {
    need(&api, ApiScope::Draft)?;
    let route = "/api/v1/drafts";
    let title = crate::drafts::DraftTitle::parse(&request.title).map_err(|m| {
        failure(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            m.to_string(),
            Some("title"),
        )
    })?;
    let stored = state
        .store
        .latest_template(api.caller.org, &request.template)
        .await
        .map_err(|e| store_failure(e, &api, route))?;
    let mut answers: Map<String, Value> = stored
        .template
        .front
        .fields
        .iter()
        .filter_map(|f| f.default.clone().map(|d| (f.id.clone(), d)))
        .collect();
    answers.extend(request.answers);
    let id = state
        .store
        .create_draft(&api.caller, &title, &stored, answers)
        .await
        .map_err(|e| store_failure(e, &api, route))?;
    Ok((
        StatusCode::CREATED,
        Json(api_draft(&state, &api, id).await?),
    ))
}

/// A draft and its latest saved version.
#[utoipa::path(get, path = "/api/v1/drafts/{id}", security(("token" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = ApiDraft), (status = 404, body = ApiError)))]
pub async fn read_draft(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path(id): Path<i64>,
) -> Result<Json<ApiDraft>, Failure> {
    need(&api, ApiScope::Read)?;
    Ok(Json(api_draft(&state, &api, id).await?))
}

/// Saves new answers as a version on top of `base_version`.
#[utoipa::path(put, path = "/api/v1/drafts/{id}", security(("token" = [])), params(("id" = i64, Path)),
    request_body = UpdateDraft,
    responses((status = 200, body = ApiDraft), (status = 409, body = ApiError), (status = 422, body = ApiError), (status = 404, body = ApiError)))]
pub async fn update_draft(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path(id): Path<i64>,
    Json(request): Json<UpdateDraft>,
) -> Result<Json<ApiDraft>, Failure> {
    need(&api, ApiScope::Draft)?;
    let save = crate::drafts::SaveRequest {
        draft_id: id,
        base_version: request.base_version,
        answers: request.answers,
        dismissals: Default::default(),
    };
    let outcome = state
        .store
        .save_draft(&api.caller, &save)
        .await
        .map_err(|e| store_failure(e, &api, "/api/v1/drafts/{id}"))?;
    if let crate::drafts::SaveOutcome::Conflict { current: latest } = outcome {
        return Err(failure(
            StatusCode::CONFLICT,
            "conflict",
            format!(
                "draft {id} was saved as version {} after version {}: read it again and send your change on top of version {}",
                latest.number, request.base_version, latest.number
            ),
            Some("base_version"),
        ));
    }
    Ok(Json(api_draft(&state, &api, id).await?))
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct NewBatch {
    #[serde(default)]
    pub title: String,
    /// Draft ids, in packet order.
    pub drafts: Vec<i64>,
    /// docx and/or pdf.
    pub formats: Vec<String>,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiBatchFailure {
    pub origin: String,
    pub message: String,
}

#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ApiBatch {
    pub id: i64,
    pub title: String,
    /// queued, running, done, failed or cancelled
    pub state: String,
    pub total: i64,
    pub done: i64,
    pub files: i64,
    pub seconds_left: Option<u64>,
    pub failures: Vec<ApiBatchFailure>,
    /// Where the ZIP is, once the packet is done or stopped.
    pub zip: Option<String>,
}

fn api_batch(summary: crate::campaigns::jobs::BatchSummary) -> ApiBatch {
    use crate::campaigns::jobs::BatchState;
    let finished = matches!(summary.state, BatchState::Done | BatchState::Cancelled);
    ApiBatch {
        zip: finished.then(|| format!("/api/v1/batches/{}/zip", summary.id)),
        id: summary.id,
        title: summary.title,
        state: summary.state.as_str().to_owned(),
        total: summary.total,
        done: summary.done,
        files: summary.files,
        seconds_left: summary.seconds_left,
        failures: summary
            .failures
            .into_iter()
            .map(|f| ApiBatchFailure {
                origin: f.origin,
                message: f.message,
            })
            .collect(),
    }
}

/// Starts rendering drafts into one ZIP in the background.
#[utoipa::path(post, path = "/api/v1/batches", security(("token" = [])), request_body = NewBatch,
    responses((status = 202, body = ApiBatch), (status = 422, body = ApiError), (status = 404, body = ApiError), (status = 403, body = ApiError)))]
pub async fn start_batch(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Json(request): Json<NewBatch>,
) -> Result<(StatusCode, Json<ApiBatch>), Failure> {
    need(&api, ApiScope::Render)?;
    let route = "/api/v1/batches";
    let formats = crate::campaigns::jobs::packet_formats(&request.formats).map_err(|message| {
        failure(
            StatusCode::UNPROCESSABLE_ENTITY,
            "invalid",
            message,
            Some("formats"),
        )
    })?;
    let id = state
        .store
        .create_batch(&api.caller, &request.title, &request.drafts, &formats)
        .await
        .map_err(|e| store_failure(e, &api, route))?;
    crate::runtime::batches::spawn(state.clone(), id);
    let summary = state
        .store
        .batch(api.caller.org, id)
        .await
        .map_err(|e| store_failure(e, &api, route))?;
    Ok((StatusCode::ACCEPTED, Json(api_batch(summary))))
}

/// A packet's progress.
#[utoipa::path(get, path = "/api/v1/batches/{id}", security(("token" = [])), params(("id" = i64, Path)),
    responses((status = 200, body = ApiBatch), (status = 404, body = ApiError)))]
pub async fn read_batch(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path(id): Path<i64>,
) -> Result<Json<ApiBatch>, Failure> {
    need(&api, ApiScope::Read)?;
    let summary = state
        .store
        .batch(api.caller.org, id)
        .await
        .map_err(|e| store_failure(e, &api, "/api/v1/batches/{id}"))?;
    Ok(Json(api_batch(summary)))
}

/// A finished packet's ZIP.
#[utoipa::path(get, path = "/api/v1/batches/{id}/zip", security(("token" = [])), params(("id" = i64, Path)),
    responses((status = 200, description = "the ZIP", content_type = "application/zip"), (status = 404, body = ApiError)))]
pub async fn batch_zip(
    State(state): State<AppState>,
    Extension(api): Extension<ApiCaller>,
    Path(id): Path<i64>,
) -> Result<Response, Failure> {
    need(&api, ApiScope::Read)?;
    let stored = state
        .store
        .batch_packet(api.caller.org, id)
        .await
        .map_err(|e| store_failure(e, &api, "/api/v1/batches/{id}/zip"))?;
    Ok(super::downloads::zip_response(
        state.store.clone(),
        id,
        stored,
        None,
    ))
}

struct BearerToken;

impl utoipa::Modify for BearerToken {
    fn modify(&self, openapi: &mut utoipa::openapi::OpenApi) {
        use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityScheme};
        let components = openapi.components.get_or_insert_with(Default::default);
        components.add_security_scheme(
            "token",
            SecurityScheme::Http(HttpBuilder::new().scheme(HttpAuthScheme::Bearer).build()),
        );
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Resolution Studio API", version = "1",
         description = "Templates, drafts, rendering and packets of one organisation, for other systems. Authenticate with `Authorization: Bearer TOKEN` (an admin creates tokens on the Account page)."),
    paths(list_templates, render, create_draft, read_draft, update_draft, start_batch, read_batch, batch_zip),
    components(schemas(ApiError, ApiField, ApiTemplate, RenderRequest, NewDraft, UpdateDraft, ApiDraft, NewBatch, ApiBatch, ApiBatchFailure)),
    modifiers(&BearerToken)
)]
struct ApiDoc;

/// The OpenAPI 3.1 description of this API.
pub async fn openapi() -> Response {
    match ApiDoc::openapi().to_json() {
        Ok(json) => ([(header::CONTENT_TYPE, "application/json")], json).into_response(),
        Err(error) => failure(
            StatusCode::INTERNAL_SERVER_ERROR,
            "internal",
            error.to_string(),
            None,
        )
        .into_response(),
    }
}
