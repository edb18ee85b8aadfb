// Command knative-validate runs Knative Serving's own defaulting and validation of a Service
// (serving.knative.dev/v1), the code Knative's admission webhook runs, built from the pinned
// knative.dev/serving module with its default configuration (every kubernetes.podspec-* flag off).
//
//	knative-validate [-old FILE] [FILE]   check one Service (YAML or JSON, FILE or stdin):
//	                                      as an update of the Service in -old, else as a create.
//	                                      Prints the Service as Knative stores it (defaulted) on
//	                                      stdout and each warning as "warning: ..." on stderr;
//	                                      exits 1 with "error: ..." when Knative refuses it.
//	knative-validate -serve ADDR          the same as an HTTPS admission webhook for a test API server:
//	                                      /default (mutating) and /validate (validating). Prints one
//	                                      JSON line {"caBundle": ..., "url": ...} once it listens.
//
// Both check the object as it was sent, before Knative's round trip through Go's types would drop
// empty lists and maps: a Service is accepted only if Knative accepts it as written.
package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/big"
	"net"
	"net/http"
	"os"
	"time"

	"gomodules.xyz/jsonpatch/v2"
	admissionv1 "k8s.io/api/admission/v1"
	authenticationv1 "k8s.io/api/authentication/v1"
	"k8s.io/apimachinery/pkg/api/equality"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"knative.dev/pkg/apis"
	webhookjson "knative.dev/pkg/webhook/json"
	"knative.dev/serving/pkg/apis/serving"
	servingv1 "knative.dev/serving/pkg/apis/serving/v1"
	"sigs.k8s.io/yaml"
)

func main() {
	old := flag.String("old", "", "the Service before this update (YAML or JSON); absent: a create")
	serve := flag.String("serve", "", "listen on this address as an admission webhook instead")
	flag.Parse()
	if *serve != "" {
		if err := serveWebhook(*serve); err != nil {
			fmt.Fprintln(os.Stderr, "error:", err)
			os.Exit(2)
		}
		return
	}
	if err := checkOne(*old, flag.Arg(0)); err != nil {
		fmt.Fprintln(os.Stderr, "error:", err)
		os.Exit(1)
	}
}

func checkOne(oldFile, newFile string) error {
	newJSON, err := readJSON(newFile)
	if err != nil {
		return err
	}
	var oldJSON []byte
	if oldFile != "" {
		if oldJSON, err = readJSON(oldFile); err != nil {
			return err
		}
	}
	review, err := admit(newJSON, oldJSON, nil)
	if err != nil {
		return err
	}
	for _, w := range review.warnings {
		fmt.Fprintln(os.Stderr, "warning:", w)
	}
	if review.refused != nil {
		return review.refused
	}
	out, err := json.MarshalIndent(review.defaulted, "", "  ")
	if err != nil {
		return err
	}
	fmt.Println(string(out))
	return nil
}

func readJSON(file string) ([]byte, error) {
	var in []byte
	var err error
	if file == "" || file == "-" {
		in, err = io.ReadAll(os.Stdin)
	} else {
		in, err = os.ReadFile(file)
	}
	if err != nil {
		return nil, err
	}
	return yaml.YAMLToJSON(in)
}

// review is what Knative's two webhooks make of one write: the object its defaulting webhook
// stores, and what its validating webhook says about that object.
type review struct {
	defaulted *servingv1.Service
	warnings  []string
	refused   error
}

// admit decodes strictly (unknown fields are refused, as Knative's webhook does for its types),
// sets defaults within a create or update context, adds the creator/last-modifier annotations
// when a user is known, then validates the defaulted object in the same context.
func admit(newJSON, oldJSON []byte, user *authenticationv1.UserInfo) (*review, error) {
	service := &servingv1.Service{}
	if err := webhookjson.Decode(newJSON, service, true); err != nil {
		return nil, fmt.Errorf("cannot decode the Service: %w", err)
	}
	ctx := context.Background()
	if oldJSON != nil {
		old := &servingv1.Service{}
		if err := webhookjson.Decode(oldJSON, old, true); err != nil {
			return nil, fmt.Errorf("cannot decode the old Service: %w", err)
		}
		old.SetDefaults(ctx)
		ctx = apis.WithinUpdate(ctx, old)
	} else {
		ctx = apis.WithinCreate(ctx)
	}
	if user != nil {
		ctx = apis.WithUserInfo(ctx, user)
	}
	service.SetDefaults(ctx)
	if user != nil {
		annotateUser(ctx, service, user.Username)
	}
	result := &review{defaulted: service}
	if fieldErrors := service.Validate(ctx); fieldErrors != nil {
		if refused := fieldErrors.Filter(apis.ErrorLevel); refused != nil {
			result.refused = errors.New(refused.Error())
		}
		if warned := fieldErrors.Filter(apis.WarningLevel); warned != nil {
			for _, w := range warned.WrappedErrors() {
				result.warnings = append(result.warnings, w.Error())
			}
		}
	}
	return result, nil
}

// annotateUser records who created and last changed the spec, as Knative's defaulting webhook does.
func annotateUser(ctx context.Context, service *servingv1.Service, username string) {
	annotations := service.GetAnnotations()
	if annotations == nil {
		annotations = map[string]string{}
	}
	if apis.IsInUpdate(ctx) {
		old := apis.GetBaseline(ctx).(*servingv1.Service)
		if equality.Semantic.DeepEqual(old.Spec, service.Spec) {
			return
		}
	} else {
		annotations[serving.GroupName+apis.CreatorAnnotationSuffix] = username
	}
	annotations[serving.GroupName+apis.UpdaterAnnotationSuffix] = username
	service.SetAnnotations(annotations)
}

func serveWebhook(address string) error {
	listener, err := net.Listen("tcp", address)
	if err != nil {
		return err
	}
	host, _, _ := net.SplitHostPort(listener.Addr().String())
	cert, certPEM, err := selfSigned(net.ParseIP(host))
	if err != nil {
		return err
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/default", handle(defaulting))
	mux.HandleFunc("/validate", handle(validation))
	server := &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: 10 * time.Second,
		TLSConfig:         &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12},
	}
	announcement, _ := json.Marshal(map[string]string{
		"url":      "https://" + listener.Addr().String(),
		"caBundle": base64.StdEncoding.EncodeToString(certPEM),
	})
	fmt.Println(string(announcement))
	return server.ServeTLS(listener, "", "")
}

func handle(decide func(*admissionv1.AdmissionRequest) *admissionv1.AdmissionResponse) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		var in admissionv1.AdmissionReview
		if err := json.NewDecoder(r.Body).Decode(&in); err != nil || in.Request == nil {
			http.Error(w, "expected an AdmissionReview", http.StatusBadRequest)
			return
		}
		response := decide(in.Request)
		response.UID = in.Request.UID
		out := admissionv1.AdmissionReview{TypeMeta: in.TypeMeta, Response: response}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(out)
	}
}

func defaulting(request *admissionv1.AdmissionRequest) *admissionv1.AdmissionResponse {
	result, err := admitRequest(request)
	if err != nil {
		return refuse("mutation failed: %v", err)
	}
	if result.refused != nil {
		return refuse("validation failed: %v", result.refused)
	}
	after, err := json.Marshal(result.defaulted)
	if err != nil {
		return refuse("mutation failed: %v", err)
	}
	// From what was sent to what Knative stores: its round trip through Go's types drops empty
	// lists and unknown fields; defaulting adds the rest.
	patch, err := jsonpatch.CreatePatch(request.Object.Raw, after)
	if err != nil {
		return refuse("mutation failed: %v", err)
	}
	patchBytes, _ := json.Marshal(patch)
	patchType := admissionv1.PatchTypeJSONPatch
	return &admissionv1.AdmissionResponse{Allowed: true, Patch: patchBytes, PatchType: &patchType}
}

func validation(request *admissionv1.AdmissionRequest) *admissionv1.AdmissionResponse {
	result, err := admitRequest(request)
	if err != nil {
		return refuse("decoding request failed: %v", err)
	}
	response := &admissionv1.AdmissionResponse{Allowed: true, Warnings: result.warnings}
	if result.refused != nil {
		response = refuse("validation failed: %v", result.refused)
		response.Warnings = result.warnings
	}
	return response
}

// admitRequest lets creates and updates of the Service itself through Knative's code; writes
// of the status subresource are Knative's controller's own, which its webhook does not default.
func admitRequest(request *admissionv1.AdmissionRequest) (*review, error) {
	if request.SubResource != "" || request.Operation != admissionv1.Create && request.Operation != admissionv1.Update {
		service := &servingv1.Service{}
		return &review{defaulted: service}, json.Unmarshal(request.Object.Raw, service)
	}
	var old []byte
	if request.Operation == admissionv1.Update {
		old = request.OldObject.Raw
	}
	return admit(request.Object.Raw, old, &request.UserInfo)
}

func refuse(format string, args ...any) *admissionv1.AdmissionResponse {
	return &admissionv1.AdmissionResponse{Allowed: false, Result: &metav1.Status{
		Status: metav1.StatusFailure, Code: http.StatusBadRequest, Reason: metav1.StatusReasonBadRequest,
		Message: fmt.Sprintf(format, args...),
	}}
}

// selfSigned makes a certificate for the webhook's address that is its own CA bundle.
func selfSigned(ip net.IP) (tls.Certificate, []byte, error) {
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	template := &x509.Certificate{
		SerialNumber:          big.NewInt(time.Now().UnixNano()),
		Subject:               pkix.Name{CommonName: "knative-validate"},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(7 * 24 * time.Hour),
		IPAddresses:           []net.IP{ip},
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, template, template, &key.PublicKey, key)
	if err != nil {
		return tls.Certificate{}, nil, err
	}
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key},
		pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), nil
}
