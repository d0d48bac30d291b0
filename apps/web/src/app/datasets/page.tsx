'use client';

import { WebDatasetsDocument, WebRemoveDatasetDocument } from '@saddle/schema';
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ErrorNotice, LoadingBlock } from '../../components/StatusBadge';
import { DatasetUploadError, uploadDataset, type UploadField } from '../../lib/dataset-upload';
import { errorText } from '../../lib/errors';
import { formatWhen } from '../../lib/format';
import { useCanWrite } from '../../lib/Providers';

/**
 * Registered datasets (Query.datasets) with their shapes and class counts, and an upload form
 * that registers a file through `POST /datasets/:name`; a spec uses one as
 * `data: {kind: "dataset", name}`. The API's refusal (row and column, dtype, shape) is shown as
 * is, beside the field it is about (name, file, target column, task), or above the table when it
 * names none (a network failure, a missing token). Remove asks first.
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
  /** The refusal of the last upload, by the field it names. */
  const [fieldError, setFieldError] = useState<{ field: UploadField; text: string } | null>(null);
  // A new key empties the form (a file input cannot be cleared by state) after a registration.
  const [formKey, setFormKey] = useState(0);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setMessage(null);
    setFieldError(null);
    try {
      const dataset = await uploadDataset(name.trim(), file, { ...(target.trim() && { target: target.trim() }), ...(task && { task }) });
      setMessage({ ok: true, text: `registered ${dataset.name}: ${dataset.examples} examples of [${dataset.inputShape.join(', ')}], ${dataset.numClasses > 0 ? `${dataset.numClasses} classes` : 'regression'}` });
      setName('');
      setFile(null);
      setTarget('');
      setTask('');
      setFormKey((k) => k + 1);
      refetch({ requestPolicy: 'network-only' });
    } catch (caught) {
      if (caught instanceof DatasetUploadError && caught.field) setFieldError({ field: caught.field, text: caught.message });
      else setMessage({ ok: false, text: (caught as Error).message });
    } finally {
      setBusy(false);
    }
  };

  const remove = async (datasetName: string) => {
    const result = await removeDataset({ name: datasetName });
    if (result.error) throw new Error(errorText(result.error));
    setMessage({ ok: true, text: `removed ${datasetName}` });
    refetch({ requestPolicy: 'network-only' });
  };
  const errorOf = (field: UploadField) => (fieldError?.field === field ? <span className="field-error" role="alert">{fieldError.text}</span> : null);
  const invalid = (field: UploadField) => (fieldError?.field === field ? true : undefined);

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
        <form key={formKey} className="card" aria-label="Upload a dataset" onSubmit={(event) => void submit(event)}>
          <div className="card-body" style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', gap: 10, alignItems: 'start' }}>
            <label className="field">
              Name
              <input required value={name} onChange={(e) => setName(e.target.value)} pattern="[A-Za-z0-9][A-Za-z0-9._\-]{0,63}" placeholder="wine-quality" aria-invalid={invalid('name')} />
              {errorOf('name')}
            </label>
            <label className="field">
              File
              <input required type="file" accept=".csv,.npy,.npz,.zip" onChange={(e) => setFile(e.target.files?.[0] ?? null)} aria-invalid={invalid('file')} />
              {errorOf('file')}
            </label>
            <label className="field">
              CSV target column
              <input value={target} onChange={(e) => setTarget(e.target.value)} placeholder="last" aria-invalid={invalid('target')} />
              {errorOf('target')}
            </label>
            <label className="field">
              Task
              <select value={task} onChange={(e) => setTask(e.target.value as typeof task)} aria-invalid={invalid('task')}>
                <option value="">from the target column</option>
                <option value="classification">classification</option>
                <option value="regression">regression</option>
              </select>
              {errorOf('task')}
            </label>
            <div className="field">
              <span>&nbsp;</span>
              <button type="submit" className="primary" disabled={busy || !file || name.trim() === ''}>
                {busy ? 'Uploading…' : 'Upload'}
              </button>
            </div>
          </div>
          <p className="muted" style={{ margin: '0 16px 12px' }}>
            CSV (a row per example, a header optional), .npz with arrays x and y, a 2-D .npy (last column the target), or a .zip of one folder of PNG/JPEG images per class.
          </p>
        </form>
      ) : null}
      {message ? message.ok ? <p role="status">{message.text}</p> : <ErrorNotice>{message.text}</ErrorNotice> : null}
      {error ? <ErrorNotice>{errorText(error)}</ErrorNotice> : null}
      {fetching && !data ? <LoadingBlock /> : null}
      {data ? (
        data.datasets.length === 0 ? (
          <p className="muted">No datasets yet.</p>
        ) : (
          <table className="card data" aria-label="Registered datasets">
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
                      <ConfirmButton label="Remove" question={`Remove dataset ${dataset.name}? Runs that trained on it keep their results.`} confirmLabel="Yes, remove it" canWrite={canWrite} small onConfirm={() => remove(dataset.name)} />
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
