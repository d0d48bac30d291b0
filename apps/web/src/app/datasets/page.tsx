'use client';

import { WebDatasetsDocument, WebRemoveDatasetDocument } from '@saddle/schema';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorNotice, LoadingBlock } from '../../components/StatusBadge';
import { uploadDataset } from '../../lib/dataset-upload';
import { errorText } from '../../lib/errors';
import { formatWhen } from '../../lib/format';
import { useCanWrite } from '../../lib/Providers';

/**
 * Registered datasets (Query.datasets) with their shapes and class counts, and an upload form
 * that registers a file through `POST /datasets/:name`; a spec uses one as
 * `data: {kind: "dataset", name}`. The API's refusal (row and column, dtype, shape) is shown as is.
 */
export default function DatasetsPage() {
  const canWrite = useCanWrite();
  const [{ data, fetching, error }, refetch] = useQuery({ query: WebDatasetsDocument });
  const [, removeDataset] = useMutation(WebRemoveDatasetDocument);
  const [name, setName] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [target, setTarget] = useState('');
  const [task, setTask] = useState<'' | 'classification' | 'regression'>('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setMessage(null);
    try {
      const dataset = await uploadDataset(name.trim(), file, { ...(target.trim() && { target: target.trim() }), ...(task && { task }) });
      setMessage({ ok: true, text: `registered ${dataset.name}: ${dataset.examples} examples of [${dataset.inputShape.join(', ')}], ${dataset.numClasses > 0 ? `${dataset.numClasses} classes` : 'regression'}` });
      refetch({ requestPolicy: 'network-only' });
    } catch (caught) {
      setMessage({ ok: false, text: (caught as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (datasetName: string) => {
    const result = await removeDataset({ name: datasetName });
    setMessage(result.error ? { ok: false, text: errorText(result.error) } : { ok: true, text: `removed ${datasetName}` });
    refetch({ requestPolicy: 'network-only' });
  };

  return (
    <>
      <div className="page-head">
        <div>
          <h1>Datasets</h1>
          <div className="sub">{data ? `${data.datasets.length} registered` : ' '}</div>
        </div>
      </div>
      <p className="muted">Your own data, by name: use one in a spec as <code>{'"data": { "kind": "dataset", "name": "…" }'}</code>. Also <code>saddle data add NAME FILE</code>.</p>
      {canWrite ? (
        <form className="card" aria-label="Upload a dataset" onSubmit={(event) => void submit(event)}>
          <div className="card-body">
            <label>
              Name <input required value={name} onChange={(e) => setName(e.target.value)} pattern="[A-Za-z0-9][A-Za-z0-9._\-]{0,63}" placeholder="wine-quality" />
            </label>{' '}
            <label>
              File <input required type="file" accept=".csv,.npy,.npz,.zip" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
            </label>{' '}
            <label>
              CSV target column <input value={target} onChange={(e) => setTarget(e.target.value)} placeholder="last" />
            </label>{' '}
            <label>
              Task{' '}
              <select value={task} onChange={(e) => setTask(e.target.value as typeof task)}>
                <option value="">from the target column</option>
                <option value="classification">classification</option>
                <option value="regression">regression</option>
              </select>
            </label>{' '}
            <button type="submit" disabled={busy || !file || name.trim() === ''}>
              {busy ? 'Uploading…' : 'Upload'}
            </button>
            <p className="muted">CSV (a row per example), .npz with arrays x and y, a 2-D .npy (last column the target), or a .zip of one folder of PNG/JPEG images per class.</p>
          </div>
        </form>
      ) : null}
      {message ? message.ok ? <p role="status">{message.text}</p> : <ErrorNotice>{message.text}</ErrorNotice> : null}
      {error ? <ErrorNotice>{errorText(error)}</ErrorNotice> : null}
      {fetching && !data ? <LoadingBlock /> : null}
      {data ? (
        data.datasets.length === 0 ? (
          <p className="muted">No datasets yet.</p>
        ) : (
          <table className="card" aria-label="Registered datasets">
            <thead>
              <tr>
                <th>Name</th>
                <th>Examples</th>
                <th>Shape</th>
                <th>Classes</th>
                <th>From</th>
                <th>Added</th>
                {canWrite ? <th /> : null}
              </tr>
            </thead>
            <tbody>
              {data.datasets.map((dataset) => (
                <tr key={dataset.name}>
                  <td>{dataset.name}</td>
                  <td>{dataset.examples}</td>
                  <td>[{dataset.inputShape.join(', ')}]</td>
                  <td>{dataset.numClasses > 0 ? dataset.classes.map((c) => `${c.name}: ${c.count}`).join(', ') : 'regression'}</td>
                  <td className="muted">{dataset.format} · {dataset.source}</td>
                  <td className="muted">{formatWhen(dataset.createdAt)}</td>
                  {canWrite ? (
                    <td>
                      <button type="button" onClick={() => void remove(dataset.name)}>
                        Remove
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )
      ) : null}
    </>
  );
}
