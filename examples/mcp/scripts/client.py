"""Drives the china-singapore MCP server with the official Python MCP SDK (the `mcp`
package): initialise, list the tools, call each one, check the answers and the bad-input
cases. Usage: python3 client.py path/to/china-singapore-mcp
"""

import asyncio
import json
import sys

from mcp import ClientSession, StdioServerParameters
from mcp.client.stdio import stdio_client
from mcp.shared.exceptions import MCPError


def structured(result):
    assert not result.is_error, result
    return result.structured_content


async def refused(call):
    """True when a call is refused: a JSON-RPC error, or a tool error."""
    try:
        result = await call
    except MCPError as e:
        return bool(str(e))
    return result.is_error is True


def failed(result):
    assert result.is_error, result
    return " ".join(c.text for c in result.content if getattr(c, "text", None))


async def main(server):
    params = StdioServerParameters(command=server, args=[])
    async with stdio_client(params) as (read, write):
        async with ClientSession(read, write) as session:
            init = await session.initialize()
            assert "cited" in (init.instructions or ""), init.instructions
            tools = {t.name: t for t in (await session.list_tools()).tools}
            assert set(tools) >= {"search", "lookup", "filter", "timeline", "figures", "explain"}, set(tools)
            assert all(t.input_schema.get("type") == "object" for t in tools.values())

            keynotes = structured(await session.call_tool("filter", {
                "kind": "speaker",
                "conditions": {"forum": "fourth China-Singapore Trade in Services Innovation Forum", "role": "keynote"},
            }))
            names = [i["record"]["name"] for i in keynotes["items"]]
            assert names == ["Chi Fulin", "Qian Bin", "Li Tao", "Wei Zhe"], names

            bonds = structured(await session.call_tool("search", {"query": "green bonds"}))
            first = bonds["items"][0]
            assert first["record"]["id"] == "green-bond-issuance", first
            assert "issuance of green bonds" in first["quote"]["text"], first

            figures = structured(await session.call_tool("figures", {"record": "Smart Park"}))
            money = figures["items"][0]
            assert money["measure"]["amount"]["as_written"] == "1.4 billion yuan", money
            doc = (await session.read_resource("china-singapore://document/csgkc-knowledge-highland")).contents[0].text
            # Character offsets cut the words out of the document text a client reads.
            at = money["at"]
            assert doc[at["char_start"]:at["char_end"]] == "1.4 billion yuan", at

            why = structured(await session.call_tool("explain", {"from": "Fintech Delivery Center", "to": "Guangzhou"}))
            hops = [s["other"]["id"] for s in why["items"][0]["chain"]["steps"]]
            assert hops == ["china-singapore-guangzhou-knowledge-city", "guangzhou"], hops

            card = structured(await session.call_tool("lookup", {"name": "NCS"}))
            assert card["items"][0]["fields"]["kind"] == "company"
            year = structured(await session.call_tool("timeline", {"from": "2021-01-01", "to": "2021-12-31"}))
            assert [e["record"]["id"] for e in year["items"]] == ["trade-in-services-forum-4"]
            assert year["items"][0]["year_inferred"] is True

            resources = (await session.list_resources()).resources
            assert len(resources) == 2 and all(r.mime_type == "text/plain" for r in resources)

            # Bad input: errors with a message, and the server goes on serving.
            assert await refused(session.call_tool("nonesuch", {}))
            assert "expected at most" in failed(await session.call_tool("search", {"query": "bonds " * 200000}))
            assert "planet" in failed(await session.call_tool("filter", {"kind": "planet"}))
            assert "after" in failed(await session.call_tool("timeline", {"from": "2022-01-01", "to": "2021-01-01"}))
            assert await refused(session.call_tool("search", {"query": 5}))
            assert await refused(session.call_tool("lookup", {}))
            ok = structured(await session.call_tool("lookup", {"name": "RCEP"}))
            assert ok["items"][0]["id"] == "rcep"
    print("the Python MCP client got every answer, cited, and every bad input refused")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
