// The sample's page: plain fetch calls to the REST API, no build step.
// Paging is cursor-based: each page's `next` is the last key shown, and the page after
// it is asked for with `gt=<that key>`. `cursors` keeps one cursor per page visited.
"use strict";

const $ = (id) => document.getElementById(id);
const state = { cursors: [null], next: null };

async function call(method, path, body) {
	const init = { method, headers: {} };
	if (body !== undefined) {
		init.headers["Content-Type"] = "application/json";
		init.body = JSON.stringify(body);
	}
	const response = await fetch(path, init);
	if (!response.ok) {
		// Errors are RFC 9457 problem details: show their detail.
		const problem = await response.json().catch(() => ({}));
		throw new Error(problem.detail || problem.title || response.statusText);
	}
	return response.status === 204 ? null : response.json();
}

function show(message, isError) {
	$("status").textContent = message;
	$("status").className = isError ? "error" : "";
}

// A key travels percent-encoded (UTF-8) in one path segment, as the API expects: ";", "/", "%",
// "?", "#", spaces and any character arrive intact. Only the keys "." and ".." cannot: browsers
// resolve those segments (encoded as %2E too) before sending, so they go by the batch endpoint,
// whose keys travel in the body.
function pathOf(namespace, key) {
	return "/api/" + encodeURIComponent(namespace) + (key === undefined ? "" : "/" + encodeURIComponent(key));
}

function isDotSegment(key) {
	return key === "." || key === "..";
}

function putEntry(namespace, key, value) {
	return isDotSegment(key)
		? call("POST", pathOf(namespace) + "/batch", { operations: [{ op: "put", key, value }] })
		: call("PUT", pathOf(namespace, key), value);
}

function removeEntry(namespace, key) {
	return isDotSegment(key)
		? call("POST", pathOf(namespace) + "/batch", { operations: [{ op: "delete", key }] })
		: call("DELETE", pathOf(namespace, key));
}

async function loadPage() {
	const namespace = $("namespace").value;
	const query = new URLSearchParams({ limit: $("page-size").value });
	if ($("prefix").value) {
		query.set("prefix", $("prefix").value);
	}
	const after = state.cursors[state.cursors.length - 1];
	if (after !== null) {
		query.set("gt", after);
	}
	try {
		const page = await call("GET", pathOf(namespace) + "?" + query);
		render(namespace, page.items);
		state.next = page.next;
	}
	catch (error) {
		render(namespace, []);
		state.next = null;
		show(error.message, true);
	}
	$("next").disabled = state.next === null;
	$("previous").disabled = state.cursors.length === 1;
	$("page-number").textContent = "page " + state.cursors.length;
}

function render(namespace, items) {
	const rows = items.map((item) => {
		const row = document.createElement("tr");
		row.dataset.key = item.key;
		const key = document.createElement("td");
		key.className = "key";
		key.textContent = item.key;
		const value = document.createElement("td");
		value.className = "value";
		value.textContent = typeof item.value === "string" ? item.value : JSON.stringify(item.value);
		const remove = document.createElement("button");
		remove.type = "button";
		remove.className = "delete";
		remove.textContent = "Delete";
		remove.addEventListener("click", () => deleteEntry(namespace, item.key));
		const actions = document.createElement("td");
		actions.append(remove);
		row.append(key, value, actions);
		return row;
	});
	if (rows.length === 0) {
		const row = document.createElement("tr");
		row.innerHTML = "<td colspan='3'><em>no entries</em></td>";
		rows.push(row);
	}
	$("entries").replaceChildren(...rows);
}

async function deleteEntry(namespace, key) {
	try {
		await removeEntry(namespace, key);
		show("Deleted " + key);
	}
	catch (error) {
		show(error.message, true);
	}
	await loadPage();
}

async function saveEntry(event) {
	event.preventDefault();
	const key = $("key").value;
	const text = $("value").value;
	let value;
	try {
		value = JSON.parse(text);
	}
	catch (notJson) {
		value = text;
	}
	try {
		await putEntry($("namespace").value, key, value);
		show("Saved " + key);
		$("key").value = "";
		$("value").value = "";
	}
	catch (error) {
		show(error.message, true);
	}
	await loadPage();
}

function firstPage() {
	state.cursors = [null];
	return loadPage();
}

async function start() {
	$("refresh").addEventListener("click", firstPage);
	$("namespace").addEventListener("change", firstPage);
	$("next").addEventListener("click", () => {
		state.cursors.push(state.next);
		loadPage();
	});
	$("previous").addEventListener("click", () => {
		state.cursors.pop();
		loadPage();
	});
	$("add-form").addEventListener("submit", saveEntry);
	const { namespaces } = await call("GET", "/api");
	for (const name of namespaces) {
		$("namespace").append(new Option(name, name));
	}
	await firstPage();
}

start().catch((error) => show(error.message, true));
