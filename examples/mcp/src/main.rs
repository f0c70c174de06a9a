//! A Model Context Protocol server over the china-singapore dataset, on stdio.
//!
//! ```sh
//! cargo run -q -p china-singapore-mcp                      # the embedded data
//! cargo run -q -p china-singapore-mcp -- --data my-data     # a data directory of yours
//! cargo run -q -p china-singapore-mcp -- --data my-data --extend   # yours beside the embedded
//! ```
//!
//! Tools: `search`, `lookup`, `filter`, `timeline`, `figures`, `explain`; resources: the
//! source documents (`china-singapore://document/<id>`). Every answer carries its
//! citations: the quote, its document and its position. Only protocol messages go to
//! stdout; a bad data directory ends the server at start with the loader's diagnostics on
//! stderr.

mod answers;

use std::process::ExitCode;

use china_singapore::{Dataset, Loader};
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::handler::server::wrapper::{Json, Parameters};
use rmcp::model::{
    Implementation, ListResourcesResult, PaginatedRequestParams, ReadResourceRequestParams, ReadResourceResponse,
    ReadResourceResult, Resource, ResourceContents, ServerCapabilities, ServerConfig,
};
use rmcp::service::RequestContext;
use rmcp::{ErrorData, RoleServer, ServerHandler, ServiceExt, tool, tool_handler, tool_router};

use answers::{ExplainInput, FiguresInput, FilterInput, LookupInput, Output, SearchInput, TimelineInput, document_uri};

/// What the server tells a client the data is and how answers come.
const INSTRUCTIONS: &str = "Typed, cited facts from two news articles on China–Singapore cooperation: the \
China-Singapore Guangzhou Knowledge City (its projects, agreements and the 18th JCBC; the article gives no year), \
and the fourth China-Singapore Trade in Services Innovation Forum at the fourth CIIE in Shanghai (2021, inferred). \
Every answer is cited: each fact comes with the verbatim quote it rests on, the document, and the quote's \
position (line, column, byte and character offsets). Quote these passages instead of paraphrasing from memory; \
a link marked other than `stated` is implied, and says how.";

/// The server: the dataset, and the tools over it.
#[derive(Clone)]
struct Server {
    ds: &'static Dataset,
    tool_router: ToolRouter<Self>,
}

#[tool_router]
impl Server {
    fn new(ds: &'static Dataset) -> Self {
        Server { ds, tool_router: Self::tool_router() }
    }

    /// Records whose names, quotes and texts match words or a phrase, best first.
    #[tool(
        description = "Over two news articles on China–Singapore cooperation (the Guangzhou Knowledge City, undated; the fourth Trade in Services Innovation Forum, 2021). Search their records (projects, agreements, forums, speakers, organisations, places, \
documents) by words or a \"quoted phrase\". mode `any` (default) ranks records holding more and rarer words; \
`all` keeps only texts holding every word. Each hit is cited: the quote holding the matched text, its document and \
position. At most 64 query words count."
    )]
    fn search(&self, Parameters(input): Parameters<SearchInput>) -> Result<Json<Output>, String> {
        answers::search(self.ds, &input).map(Json)
    }

    /// One record by id, name or alias, as its answer card.
    #[tool(
        description = "Over two news articles on China–Singapore cooperation (the Guangzhou Knowledge City, undated; the fourth Trade in Services Innovation Forum, 2021). Look up one record of any kind by id, name or alias (case, spacing, punctuation and \
`4th`/`fourth` ignored). Returns its answer card: every field, its links both ways by name with their basis and \
evidence quote, and its quotes with positions. A miss returns the closest names."
    )]
    fn lookup(&self, Parameters(input): Parameters<LookupInput>) -> Result<Json<Output>, String> {
        answers::lookup(self.ds, &input).map(Json)
    }

    /// Records of one kind that meet every condition.
    #[tool(
        description = "Over two news articles on China–Singapore cooperation (the Guangzhou Knowledge City, undated; the fourth Trade in Services Innovation Forum, 2021). Filter records of one kind (project, agreement, forum, speaker, organization) by \
conditions that take names or ids, e.g. {\"kind\": \"speaker\", \"conditions\": {\"forum\": \"fourth China-Singapore \
Trade in Services Innovation Forum\", \"role\": \"keynote\"}}. Containment is followed (a place includes what lies \
within it); each match through a chain carries its derivation: the links, each with basis and evidence. Results \
come in file order; `from`/`to` (YYYY-MM-DD) keep records dated wholly within."
    )]
    fn filter(&self, Parameters(input): Parameters<FilterInput>) -> Result<Json<Output>, String> {
        answers::filter(self.ds, &input).map(Json)
    }

    /// Dated events in time order.
    #[tool(
        description = "Over two news articles on China–Singapore cooperation (the Guangzhou Knowledge City, undated; the fourth Trade in Services Innovation Forum, 2021). Dated events (held, signed, started, in force, …) in time order, optionally within \
`from`..`to` (YYYY-MM-DD). A year the text does not state is marked inferred, or placed by its document's year, \
or unknown. Each event is cited."
    )]
    fn timeline(&self, Parameters(input): Parameters<TimelineInput>) -> Result<Json<Output>, String> {
        answers::timeline(self.ds, &input).map(Json)
    }

    /// Amounts and counts, with their records and positions.
    #[tool(
        description = "Over two news articles on China–Singapore cooperation (the Guangzhou Knowledge City, undated; the fourth Trade in Services Innovation Forum, 2021). Every amount of money and counted figure, with its record, the words as written, the \
quote and the position of the words; optionally for one record (by id, name or alias)."
    )]
    fn figures(&self, Parameters(input): Parameters<FiguresInput>) -> Result<Json<Output>, String> {
        answers::figures(self.ds, &input).map(Json)
    }

    /// How one record is linked to another.
    #[tool(
        description = "Over two news articles on China–Singapore cooperation (the Guangzhou Knowledge City, undated; the fourth Trade in Services Innovation Forum, 2021). How record `from` reaches record `to` (ids, names or aliases): the chain of links \
through containment, place and country, each step with its basis and evidence quote, and the chain's basis (its \
weakest step)."
    )]
    fn explain(&self, Parameters(input): Parameters<ExplainInput>) -> Result<Json<Output>, String> {
        answers::explain(self.ds, &input).map(Json)
    }
}

#[tool_handler(router = self.tool_router)]
impl ServerHandler for Server {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().enable_resources().build())
            .with_server_info(Implementation::new("china-singapore", env!("CARGO_PKG_VERSION")))
            .with_instructions(INSTRUCTIONS)
    }

    async fn list_resources(
        &self,
        _request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, ErrorData> {
        let resources = self
            .ds
            .documents()
            .iter()
            .map(|d| {
                Resource::new(document_uri(d.id.as_str()), d.id.as_str())
                    .with_title(d.title.clone())
                    .with_description("A source article, verbatim: the passages every answer quotes.")
                    .with_mime_type("text/plain")
                    .with_size(d.text.len() as u64)
            })
            .collect();
        Ok(ListResourcesResult { resources, ..Default::default() })
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, ErrorData> {
        let id = request.uri.strip_prefix("china-singapore://document/");
        match id.and_then(|id| self.ds.documents().by_id(id)) {
            Some(d) => Ok(ReadResourceResult::new(vec![ResourceContents::text(&*d.text, request.uri.clone())]).into()),
            None => Err(ErrorData::resource_not_found(
                format!("no document at {:?}; expected china-singapore://document/<id>", request.uri),
                None,
            )),
        }
    }
}

/// The dataset the arguments name: the embedded one, `--data DIR`, or `--data DIR --extend`.
fn load(args: &[String]) -> Result<Dataset, String> {
    let mut data = None;
    let mut extend = false;
    let mut rest = args.iter();
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--data" => data = Some(rest.next().ok_or("--data needs a directory")?.clone()),
            "--extend" => extend = true,
            other => return Err(format!("unknown argument {other:?}; expected --data DIR and --extend")),
        }
    }
    let loader = match (data, extend) {
        (Some(dir), false) => Loader::new().dir(dir),
        (Some(dir), true) => Loader::new().embedded().dir(dir),
        (None, false) => Loader::new().embedded(),
        (None, true) => return Err("--extend needs --data DIR".to_owned()),
    };
    loader.load().map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let ds = match load(&args) {
        Ok(ds) => &*Box::leak(Box::new(ds)),
        Err(e) => {
            // Never half-loaded: every problem on stderr, and no protocol at all.
            for line in e.lines() {
                eprintln!("china-singapore-mcp: {line}");
            }
            return ExitCode::from(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("china-singapore-mcp: cannot start: {e}");
            return ExitCode::FAILURE;
        }
    };
    let served = runtime.block_on(async {
        let service = Server::new(ds).serve(rmcp::transport::stdio()).await?;
        service.waiting().await?;
        Ok::<(), Box<dyn std::error::Error>>(())
    });
    match served {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("china-singapore-mcp: {e}");
            ExitCode::FAILURE
        }
    }
}
