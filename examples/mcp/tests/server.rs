//! The server as a chat tool sees it: started as a child process and called over stdio with
//! the official Rust SDK's client, every tool once, with exact answers, then bad input.

use rmcp::ServiceExt;
use rmcp::model::{CallToolRequestParams, CallToolResult, ReadResourceRequestParams};
use rmcp::service::{RoleClient, RunningService};
use rmcp::transport::TokioChildProcess;
use serde_json::{Value, json};

type Client = RunningService<RoleClient, ()>;

async fn start(args: &[&str]) -> Client {
    let mut command = tokio::process::Command::new(env!("CARGO_BIN_EXE_china-singapore-mcp"));
    command.args(args);
    let transport = TokioChildProcess::new(command).expect("the server starts");
    ().serve(transport).await.expect("the server initialises")
}

async fn call(client: &Client, tool: &str, arguments: Value) -> CallToolResult {
    let args = arguments.as_object().cloned().unwrap_or_default();
    client.call_tool(CallToolRequestParams::new(tool.to_owned()).with_arguments(args)).await.expect("a tool answer")
}

/// The structured answer of a call that succeeded.
fn answer(result: &CallToolResult) -> &Value {
    assert_ne!(result.is_error, Some(true), "{result:?}");
    result.structured_content.as_ref().expect("structured content")
}

/// The text of a call that failed as a tool error.
fn tool_error(result: &CallToolResult) -> String {
    assert_eq!(result.is_error, Some(true), "{result:?}");
    result.content.iter().filter_map(|c| c.as_text()).map(|t| t.text.clone()).collect()
}

#[tokio::test(flavor = "current_thread")]
async fn every_tool_answers_with_its_citation() {
    let client = start(&[]).await;
    let tools: Vec<String> = client.list_all_tools().await.unwrap().into_iter().map(|t| t.name.to_string()).collect();
    for name in ["search", "lookup", "filter", "timeline", "figures", "explain"] {
        assert!(tools.contains(&name.to_owned()), "{name} missing from {tools:?}");
    }

    // The keynote speakers of the fourth forum, in speaking order.
    let keynotes = call(
        &client,
        "filter",
        json!({"kind": "speaker", "conditions": {"forum": "fourth China-Singapore Trade in Services Innovation Forum", "role": "keynote"}}),
    )
    .await;
    let names: Vec<&str> =
        answer(&keynotes)["items"].as_array().unwrap().iter().map(|i| i["record"]["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Chi Fulin", "Qian Bin", "Li Tao", "Wei Zhe"]);

    // "green bonds" ranks the green bond issuance first, with its quote.
    let bonds = call(&client, "search", json!({"query": "green bonds"})).await;
    let first = &answer(&bonds)["items"][0];
    assert_eq!(first["record"]["id"], "green-bond-issuance");
    assert!(first["quote"]["text"].as_str().unwrap().contains("issuance of green bonds"), "{first}");
    assert!(first["quote"]["position"]["line"].as_u64().unwrap() > 1);

    // The Smart Park's investment, with the position of its words.
    let figures = call(&client, "figures", json!({"record": "Smart Park"})).await;
    let investment = &answer(&figures)["items"][0];
    assert_eq!(investment["measure"]["amount"]["as_written"], "1.4 billion yuan");
    let (start, end) = (investment["at"]["start"].as_u64().unwrap(), investment["at"]["end"].as_u64().unwrap());
    let doc = china_singapore::dataset().documents().by_id("csgkc-knowledge-highland").unwrap();
    assert_eq!(&doc.text[start as usize..end as usize], "1.4 billion yuan");

    // The derivation that puts the NCS centre in Guangzhou.
    let why = call(&client, "explain", json!({"from": "Fintech Delivery Center", "to": "Guangzhou"})).await;
    let chain = &answer(&why)["items"][0];
    assert_eq!(chain["basis"], "name");
    let hops: Vec<&str> =
        chain["chain"]["steps"].as_array().unwrap().iter().map(|s| s["other"]["id"].as_str().unwrap()).collect();
    assert_eq!(hops, ["china-singapore-guangzhou-knowledge-city", "guangzhou"]);
    assert_eq!(chain["chain"]["steps"][0]["evidence"]["words"], "CSGKS");

    // A filter match through a chain carries it.
    let in_guangzhou = call(&client, "filter", json!({"kind": "project", "conditions": {"place": "Guangzhou"}})).await;
    let items = answer(&in_guangzhou)["items"].as_array().unwrap().clone();
    let centre = items.iter().find(|i| i["record"]["id"] == "ncs-gba-fintech-delivery-center").unwrap();
    assert_eq!(centre["derivations"][0]["condition"], "place");
    assert_eq!(centre["derivations"][0]["basis"], "name");

    // A lookup gives the card; a miss the closest names.
    let card = call(&client, "lookup", json!({"name": "NCS"})).await;
    assert_eq!(answer(&card)["items"][0]["fields"]["kind"], "company");
    let miss = call(&client, "lookup", json!({"name": "Knowlege City"})).await;
    assert_eq!(answer(&miss)["items"][0]["name"], "Knowledge City");

    // The timeline marks an inferred year.
    let year = call(&client, "timeline", json!({"from": "2021-01-01", "to": "2021-12-31"})).await;
    let events = answer(&year)["items"].as_array().unwrap().clone();
    assert_eq!(events.len(), 1);
    assert_eq!(
        (events[0]["record"]["id"].as_str(), events[0]["year_inferred"].as_bool()),
        (Some("trade-in-services-forum-4"), Some(true))
    );

    // The documents are resources, with their text.
    let resources = client.list_all_resources().await.unwrap();
    assert_eq!(resources.len(), 2);
    let read = client
        .read_resource(ReadResourceRequestParams::new("china-singapore://document/trade-in-services-forum"))
        .await
        .unwrap();
    let text = serde_json::to_value(&read.contents[0]).unwrap();
    assert!(text["text"].as_str().unwrap().starts_with("China-Singapore Trade in Services Innovation Forum"));
    client.cancel().await.unwrap();
}

#[tokio::test(flavor = "current_thread")]
async fn bad_input_gets_a_clear_error_and_the_server_goes_on() {
    let client = start(&[]).await;
    let unknown_tool = client.call_tool(CallToolRequestParams::new("nonesuch")).await;
    assert!(unknown_tool.is_err() || unknown_tool.as_ref().is_ok_and(|r| r.is_error == Some(true)), "{unknown_tool:?}");
    let missing = client.call_tool(CallToolRequestParams::new("lookup")).await;
    assert!(missing.is_err() || missing.as_ref().is_ok_and(|r| r.is_error == Some(true)), "{missing:?}");
    let ill_typed = client
        .call_tool(
            CallToolRequestParams::new("search").with_arguments(json!({"query": 5}).as_object().unwrap().clone()),
        )
        .await;
    assert!(ill_typed.is_err() || ill_typed.as_ref().is_ok_and(|r| r.is_error == Some(true)), "{ill_typed:?}");
    let huge = call(&client, "search", json!({"query": "bonds ".repeat(200_000)})).await;
    assert!(tool_error(&huge).contains("expected at most"), "{huge:?}");
    let kind = call(&client, "filter", json!({"kind": "planet", "conditions": {}})).await;
    assert!(tool_error(&kind).contains("planet"));
    let reversed = call(&client, "timeline", json!({"from": "2022-01-01", "to": "2021-01-01"})).await;
    assert!(tool_error(&reversed).contains("after"));
    let condition = call(&client, "filter", json!({"kind": "project", "conditions": {"colour": "red"}})).await;
    assert!(tool_error(&condition).contains("expected one of"));
    let nowhere = call(&client, "explain", json!({"from": "Suzhou Industrial Park", "to": "Guangzhou"})).await;
    assert!(tool_error(&nowhere).contains("no chain"));
    // Still serving.
    let ok = call(&client, "lookup", json!({"name": "RCEP"})).await;
    assert_eq!(answer(&ok)["items"][0]["id"], "rcep");
    client.cancel().await.unwrap();
}

#[tokio::test(flavor = "current_thread")]
async fn a_bad_data_directory_ends_the_server_with_the_loaders_diagnostics() {
    let dir = std::env::temp_dir().join(format!("cs-mcp-bad-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("places.json"), "[{\"id\": \"Bad Id\"}]").unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_china-singapore-mcp"))
        .args(["--data", dir.to_str().unwrap()])
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    std::fs::remove_dir_all(&dir).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty(), "no protocol message from a server that did not start");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("places.json") && stderr.contains("missing-field"), "{stderr}");
}
